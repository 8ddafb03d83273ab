using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Privacy;

namespace Labelforge.Core.Tests.Privacy;

/// <summary>The masking page's server side: a preview of a setting before it is saved, and saves in the audit log.</summary>
public class PiiPreviewTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static PiiSettingsView Setting(string[] detectors, string? pattern = null, params string[] words) => new(detectors, pattern, words);

    [Fact]
    public async Task A_preview_masks_a_sample_item_with_an_unsaved_setting_and_saves_nothing()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "Nothing personal here.", "plain"), Seed.Row(2, "Ask Ada Lovelace at ada@example.org or 10.0.0.7.", "ada"));
        var pii = t.Get<PiiOperations>();

        // No item named: the first one with something to mask.
        var preview = await pii.PreviewAsync(p.Id, Setting(["email", "ip"], null, "ada lovelace"), ct: Ct);
        Assert.Equal("ada", preview.ExternalId);
        Assert.Equal("Ask Ada Lovelace at ada@example.org or 10.0.0.7.", preview.Text);
        Assert.Equal("Ask [PII] at [EMAIL] or [IP].", preview.Masked);
        Assert.Equal([("custom", 4, 16), ("email", 20, 35), ("ip", 39, 47)], preview.Detections.Select(d => (d.Kind, d.Start, d.End)));
        Assert.False(preview.Clipped);
        Assert.Empty((await pii.GetAsync(p.Id, Ct)).Detectors);

        // A named item, and a pasted text.
        var first = t.Db.Items.Where(i => i.ProjectId == p.Id).OrderBy(i => i.Id).First().Id;
        var named = await pii.PreviewAsync(p.Id, Setting(["email"]), first, ct: Ct);
        Assert.Equal((first, "Nothing personal here."), (named.ItemId!.Value, named.Masked));
        Assert.Empty(named.Detections);
        var pasted = await pii.PreviewAsync(p.Id, Setting([], @"\bCUST-\d{4}\b"), text: "order CUST-1234 shipped", ct: Ct);
        Assert.Equal((null, "order [PII] shipped"), (pasted.ItemId, pasted.Masked));
    }

    [Fact]
    public async Task A_preview_refuses_what_a_save_refuses_and_names_a_missing_item()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var pii = t.Get<PiiOperations>();
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "has no items yet; send a text to preview", () => pii.PreviewAsync(p.Id, Setting(["email"]), ct: Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Unknown detector 'passport'", () => pii.PreviewAsync(p.Id, Setting(["passport"]), text: "x", ct: Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "The pattern is not a regular expression", () => pii.PreviewAsync(p.Id, Setting([], "(unclosed"), text: "x", ct: Ct));
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "No item 99", () => pii.PreviewAsync(p.Id, Setting(["email"]), 99, ct: Ct));
    }

    [Fact]
    public async Task Long_texts_are_clipped_in_the_preview()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var preview = await t.Get<PiiOperations>().PreviewAsync(p.Id, Setting(["email"]), text: new string('a', PiiOperations.PreviewChars + 10) + " z@example.org", ct: Ct);
        Assert.True(preview.Clipped);
        Assert.Equal(PiiOperations.PreviewChars, preview.Text.Length);
        Assert.Empty(preview.Detections);
    }

    [Fact]
    public async Task A_saved_setting_is_audit_logged_without_its_words()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await t.Get<PiiOperations>().SetAsync(p.Id, Setting(["phone", "email"], @"\d{9}", "Ada Lovelace"), Ct);
        var entry = Assert.Single((await t.Get<AuditLog>().ListAsync(new AuditQuery(Action: AuditActions.PiiSettingsChanged), Ct)).Events);
        Assert.Equal(p.Id, entry.ProjectId);
        Assert.Equal("""{"detectors":["email","phone"],"pattern":true,"words":1}""", entry.Details!.Value.GetRawText());
        Assert.DoesNotContain("Lovelace", entry.Details!.Value.GetRawText(), StringComparison.Ordinal);
    }
}
