using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Tests.Import;

namespace Labelforge.Core.Tests.Export;

/// <summary>
/// A Label Studio export imported into a project and exported again, compared field by field: every field
/// Labelforge models comes back as it was (times to the millisecond Labelforge stores).
/// </summary>
public class LabelStudioRoundTripTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> RoundTripAsync(TestDb t, long projectId, string path, ImportFieldMap map, ExportRequest? request = null)
    {
        await t.Get<ImportOperations>().ImportAsync(projectId, path, ImportFormat.LabelStudio,
            ImportReaders.ReadAsync(path, null, map, ImportReaderOptions.Default, Ct), new ImportOptions(), ct: Ct);
        using var output = new MemoryStream();
        await t.Get<ExportOperations>().WriteAsync(request ?? new ExportRequest(projectId, ExportFormat.LabelStudio, false), output, Ct);
        return JsonDocument.Parse(output.ToArray()).RootElement.Clone();
    }

    [Fact]
    public async Task A_label_studio_export_round_trips_in_every_field_labelforge_models()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("reviews", false, "Positive", "Negative");
        var path = ImportTestFiles.Path("label-studio", "roundtrip.json");
        using var source = JsonDocument.Parse(await File.ReadAllTextAsync(path, Ct));

        var exported = await RoundTripAsync(t, p.Id, path, new ImportFieldMap("review"));

        var before = source.RootElement.EnumerateArray().ToList();
        var after = exported.EnumerateArray().ToList();
        Assert.Equal(before.Count, after.Count);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.True(JsonElement.DeepEquals(before[i].GetProperty("data"), after[i].GetProperty("data")), after[i].GetProperty("data").GetRawText());
            Assert.Equal(before[i].GetProperty("id").GetRawText(), after[i].GetProperty("meta").GetProperty("external_id").GetString());
            CompareAll(before[i].GetProperty("annotations"), after[i].GetProperty("annotations"),
                ["completed_by", "was_cancelled", "ground_truth", "lead_time"]);
            CompareAll(before[i].GetProperty("predictions"), after[i].GetProperty("predictions"), ["model_version", "score"]);
        }
    }

    [Fact]
    public async Task Control_names_given_for_an_export_are_kept_for_the_project()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("reviews", false, "spam", "ham");
        await LabelStudioControlSettings.SetAsync(t.Db, p.Id, "verdict", null, Ct);

        var exported = await RoundTripAsync(t, p.Id, ImportTestFiles.Path("label-studio", "single-task.json"), new ImportFieldMap());

        var result = exported[0].GetProperty("annotations")[0].GetProperty("result")[0];
        Assert.Equal(("verdict", "text"), (result.GetProperty("from_name").GetString(), result.GetProperty("to_name").GetString()));
    }

    private static void CompareAll(JsonElement before, JsonElement after, string[] fields)
    {
        Assert.Equal(before.GetArrayLength(), after.GetArrayLength());
        for (var i = 0; i < before.GetArrayLength(); i++)
        {
            var (b, a) = (before[i], after[i]);
            foreach (var field in fields)
                Assert.Equal(b.GetProperty(field).GetRawText(), a.GetProperty(field).GetRawText());
            Assert.Equal(Millis(b.GetProperty("created_at")), Millis(a.GetProperty("created_at")));
            var (rb, ra) = (b.GetProperty("result")[0], a.GetProperty("result")[0]);
            foreach (var field in new[] { "from_name", "to_name", "type" })
                Assert.Equal(rb.GetProperty(field).GetString(), ra.GetProperty(field).GetString());
            Assert.Equal(rb.GetProperty("value").GetProperty("choices").GetRawText(), ra.GetProperty("value").GetProperty("choices").GetRawText());
        }
    }

    private static long Millis(JsonElement time) =>
        DateTimeOffset.Parse(time.GetString()!, CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
}
