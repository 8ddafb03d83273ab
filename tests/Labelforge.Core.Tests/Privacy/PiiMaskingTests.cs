using System.Text;
using Labelforge.Core.Common;
using Labelforge.Core.Export;
using Labelforge.Core.Items;
using Labelforge.Core.Privacy;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Parquet;

namespace Labelforge.Core.Tests.Privacy;

/// <summary>
/// Personal-data masking at every read: queue, items, exports (each format, spans too) are masked unless the caller
/// asks for the stored text (Unmasked, which the server sets for managers only), and the store keeps the original.
/// </summary>
public class PiiMaskingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Original = "Mail ann.lee@example.org or call +49 30 1234567 about card 4111 1111 1111 1111.";
    private const string Masked = "Mail [EMAIL] or call [PHONE] about card [CARD].";

    private static async Task<Project> SeededAsync(TestDb t, params string[] detectors)
    {
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, Original, "ann@example.org"), Seed.Row(2, "Nothing personal.", "plain"));
        await t.Get<PiiOperations>().SetAsync(p.Id, new PiiSettingsView(detectors.Length == 0 ? ["email", "phone", "card"] : detectors, null, []), Ct);
        return p;
    }

    [Fact]
    public async Task Queue_items_are_masked_for_annotators_and_as_stored_when_unmasked()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await SeededAsync(t);
        var queue = t.Get<QueueOperations>();

        var masked = await queue.NextAsync(p.Id, new QueueRequest("anna", Count: 1), Ct);
        Assert.Equal(Masked, masked[0].Text);
        Assert.Equal(Masked, masked[0].Data.GetProperty("text").GetString());
        Assert.Equal("[EMAIL]", masked[0].ExternalId);
        Assert.Equal("[EMAIL]", masked[0].Data.GetProperty("id").GetString());

        var shown = await queue.NextAsync(p.Id, new QueueRequest("anna", Count: 1) { Unmasked = true }, Ct);
        Assert.Equal(Original, shown[0].Text);
        Assert.Equal(Original, t.Db.Items.Single(i => i.Id == masked[0].Id).Text);
    }

    [Fact]
    public async Task Item_pages_and_items_are_masked_unless_unmasked()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await SeededAsync(t);
        var items = t.Get<ItemOperations>();

        var page = await items.QueryAsync(p.Id, new ItemQuery(), Ct);
        Assert.Equal([Masked, "Nothing personal."], page.Items.Select(i => i.Text));
        var one = await items.GetAsync(p.Id, page.Items[0].Id, ct: Ct);
        Assert.Equal(Masked, one.Text);
        Assert.Equal(Original, (await items.GetAsync(p.Id, page.Items[0].Id, unmasked: true, Ct)).Text);
        Assert.Equal(Original, (await items.QueryAsync(p.Id, new ItemQuery() { Unmasked = true }, Ct)).Items[0].Text);
    }

    [Theory]
    [InlineData(ExportFormat.Jsonl)]
    [InlineData(ExportFormat.Csv)]
    [InlineData(ExportFormat.LabelStudio)]
    [InlineData(ExportFormat.Parquet)]
    public async Task Exports_are_masked_in_every_format_unless_unmasked(ExportFormat format)
    {
        await using var t = await TestDb.CreateAsync();
        var p = await SeededAsync(t);

        var masked = await ExportAsync(t, new ExportRequest(p.Id, format, History: false));
        Assert.DoesNotContain("ann.lee@example.org", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.org", masked, StringComparison.Ordinal);
        Assert.Contains("[EMAIL] or call [PHONE]", masked, StringComparison.Ordinal);

        var shown = await ExportAsync(t, new ExportRequest(p.Id, format, History: false) { Unmasked = true });
        Assert.Contains("ann.lee@example.org", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_without_detectors_exports_its_stored_bytes()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await SeededAsync(t, "email");
        await t.Get<PiiOperations>().SetAsync(p.Id, new PiiSettingsView([], null, []), Ct);
        var plain = await ExportAsync(t, new ExportRequest(p.Id, ExportFormat.Jsonl, History: false));
        var unmasked = await ExportAsync(t, new ExportRequest(p.Id, ExportFormat.Jsonl, History: false) { Unmasked = true });
        Assert.Equal(unmasked, plain);
        Assert.Contains("ann.lee@example.org", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Span_projects_mask_with_same_length_masks()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("ner", TaskTypes.TextSpans, Labels: ["PER"]), Ct);
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "Ann (ann@example.org) called."));
        var view = await t.Get<PiiOperations>().SetAsync(p.Id, new PiiSettingsView(["email"], null, []), Ct);
        Assert.True(view.SameLengthMasks);

        var item = (await t.Get<QueueOperations>().NextAsync(p.Id, new QueueRequest("anna", Count: 1), Ct))[0];
        Assert.Equal("Ann ([EMAIL]********) called.", item.Text);
        var export = await ExportAsync(t, new ExportRequest(p.Id, ExportFormat.SpacyJsonl, History: false));
        Assert.Contains("[EMAIL]********", export, StringComparison.Ordinal);
        Assert.DoesNotContain("ann@example.org", export, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_round_trip_and_bad_ones_are_refused()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var pii = t.Get<PiiOperations>();
        Assert.Empty((await pii.GetAsync(p.Id, Ct)).Detectors);

        var set = await pii.SetAsync(p.Id, new PiiSettingsView(["IP", "email", "email"], @"CUST-\d+", ["Ann Lee", " ", "ann lee"]), Ct);
        Assert.Equal(["email", "ip"], set.Detectors);
        Assert.Equal(["Ann Lee"], set.Words);
        AssertSame(set, await pii.GetAsync(p.Id, Ct));

        var unknown = await Assert.ThrowsAsync<LabelforgeException>(() => pii.SetAsync(p.Id, new PiiSettingsView(["ssn"], null, []), Ct));
        Assert.Equal(ErrorKind.Invalid, unknown.Kind);
        Assert.Equal("Unknown detector 'ssn'; use any of: email, phone, iban, card, ip.", unknown.Message);
        var pattern = await Assert.ThrowsAsync<LabelforgeException>(() => pii.SetAsync(p.Id, new PiiSettingsView([], "(open", []), Ct));
        Assert.Equal(ErrorKind.Invalid, pattern.Kind);
        Assert.StartsWith("The pattern is not a regular expression", pattern.Message, StringComparison.Ordinal);
        AssertSame(set, await pii.GetAsync(p.Id, Ct));
    }

    private static void AssertSame(PiiSettingsView expected, PiiSettingsView actual)
    {
        Assert.Equal(expected.Detectors, actual.Detectors);
        Assert.Equal(expected.Pattern, actual.Pattern);
        Assert.Equal(expected.Words, actual.Words);
    }

    [Fact]
    public async Task Report_counts_detections_per_item_and_kind()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await SeededAsync(t);
        var report = await t.Get<PiiOperations>().ReportAsync(p.Id, ct: Ct);

        Assert.Equal(2, report.ItemsScanned);
        Assert.Equal(1, report.ItemsWithDetections);
        var item = Assert.Single(report.Items);
        Assert.Equal("[EMAIL]", item.ExternalId);
        // The text is counted once as the document's text field; the id both as the external id and the document's "id".
        Assert.Equal(new Dictionary<string, int> { ["email"] = 3, ["card"] = 1, ["phone"] = 1 }, item.Counts);
        Assert.Equal(3, report.Totals["email"]);
        Assert.Equal(0, report.Totals["ip"]);
        Assert.False(report.Truncated);
        Assert.True((await t.Get<PiiOperations>().ReportAsync(p.Id, limit: 0, Ct)).Truncated);
    }

    private static async Task<string> ExportAsync(TestDb t, ExportRequest request)
    {
        using var output = new MemoryStream();
        await t.Get<ExportOperations>().WriteAsync(request, output, Ct);
        if (request.Format != ExportFormat.Parquet)
            return Encoding.UTF8.GetString(output.ToArray());
        // Parquet pages are compressed: read every string column back.
        output.Position = 0;
        await using var reader = await ParquetReader.CreateAsync(output, cancellationToken: Ct);
        var text = new StringBuilder();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            var group = reader.OpenRowGroupReader(g);
            foreach (var field in reader.Schema.DataFields.Where(f => f.Name is "text" or "external_id" or "data"))
            {
                var cells = new string?[group.RowCount];
                await group.ReadAsync(field, cells.AsMemory(), null, Ct);
                text.AppendJoin('\n', cells).Append('\n');
            }
        }
        return text.ToString();
    }
}
