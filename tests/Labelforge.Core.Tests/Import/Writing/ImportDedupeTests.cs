using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Import.Writing;

/// <summary>Item identity through the multi-row writer (external id, else content): statement and batch boundaries, content-key collisions, exact strict rollback.</summary>
public class ImportDedupeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_with_an_external_id_are_identified_by_it_across_statements_and_batches()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var rows = new List<ImportEntry>();
        for (var i = 1; i <= 100; i++)
            rows.Add(Seed.Row(i, $"text {i}", $"id-{i}"));
        rows.Add(Seed.Row(101, "text 5", "id-new-1"));   // text of row 5 under another id, in a later batch: another item
        rows.Add(Seed.Row(102, "fresh text", "id-7"));   // id of row 7: a duplicate
        rows.Insert(10, Seed.Row(0, "other text", "id-3")); // id of row 3, in the same statement: a duplicate
        rows.Insert(11, Seed.Row(0, "text 3", "id-same-text")); // text of row 3 under another id, same statement
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(BatchSize: 25), [.. rows]);
        Assert.Equal((104L, 102L, 2L, 0L), (report.Rows, report.Imported, report.SkippedDuplicates, report.ErrorCount));
        var items = await t.Db.Items.AsNoTracking().ToDictionaryAsync(i => i.ExternalId!, Ct);
        Assert.Equal(102, items.Count);
        Assert.Equal(("text 3", "text 3", "text 7"), (items["id-3"].Text, items["id-same-text"].Text, items["id-7"].Text));
        Assert.Equal("text 5", items["id-new-1"].Text);
        Assert.True(items["id-3"].Id < items["id-same-text"].Id);
        Assert.All(items.Values, i => Assert.Null(i.ContentKey));
        Assert.Equal(2, (await t.Db.ImportBatches.SingleAsync(Ct)).SkippedDuplicates);

        var again = await Seed.ImportAsync(t, p.Id, new ImportOptions(BatchSize: 25), [.. rows]);
        Assert.Equal((0L, 104L), (again.Imported, again.SkippedDuplicates));
    }

    [Fact]
    public async Task Rows_without_an_external_id_are_identified_by_their_text_across_statements_and_batches()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var rows = new List<ImportEntry>();
        for (var i = 1; i <= 100; i++)
            rows.Add(Seed.Row(i, $"text {i}"));
        rows.Add(Seed.Row(101, "text 5"));                 // text of row 5, in a later batch
        rows.Insert(10, Seed.Row(0, "text 3"));            // text of row 3, in the same statement
        rows.Add(Seed.Row(102, "text 100", "id-100"));     // the same text with an id: identified by the id, a new item
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(BatchSize: 25), [.. rows]);
        Assert.Equal((103L, 101L, 2L, 0L), (report.Rows, report.Imported, report.SkippedDuplicates, report.ErrorCount));
        Assert.Equal(1, await t.Db.Items.CountAsync(i => i.Text == "text 3", Ct));
        Assert.Equal(2, await t.Db.Items.CountAsync(i => i.Text == "text 100", Ct));

        var again = await Seed.ImportAsync(t, p.Id, new ImportOptions(BatchSize: 25), [.. rows]);
        Assert.Equal((0L, 103L), (again.Imported, again.SkippedDuplicates));
    }

    [Fact]
    public async Task Imported_items_carry_the_content_key_of_their_hash()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Enumerable.Range(1, 40).Select(i => Seed.Row(i, $"row {i}")).ToArray());
        var items = await t.Db.Items.ToListAsync(Ct);
        Assert.Equal(40, items.Count);
        Assert.All(items, i => Assert.Equal(ContentHash.Key(ContentHash.Of(i.Text)), i.ContentKey));
        Assert.All(items, i => Assert.Equal(ContentHash.Of(i.Text), i.ContentHash));
    }

    [Fact]
    public async Task Different_content_under_a_taken_content_key_is_imported_not_dropped()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "alpha"));
        // Simulate a 64-bit collision: "alpha" now holds the key that "beta" hashes to.
        var betaKey = ContentHash.Key(ContentHash.Of("beta"));
        await t.Db.Items.ExecuteUpdateAsync(s => s.SetProperty(i => i.ContentKey, betaKey), Ct);

        var rows = Enumerable.Range(1, 40).Select(i => Seed.Row(i, $"filler {i}")).ToList();
        rows[10] = Seed.Row(11, "beta");
        rows[12] = Seed.Row(13, "beta"); // same content again, in the same statement: a real duplicate
        var report = await Seed.ImportAsync(t, p.Id, null, [.. rows]);
        Assert.Equal((39L, 1L), (report.Imported, report.SkippedDuplicates));
        var beta = await t.Db.Items.AsNoTracking().SingleAsync(i => i.Text == "beta", Ct);
        Assert.Null(beta.ContentKey);

        var again = await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "beta"), Seed.Row(2, "gamma"));
        Assert.Equal((1L, 1L), (again.Imported, again.SkippedDuplicates));
        Assert.Equal(1, await t.Db.Items.CountAsync(i => i.Text == "beta", Ct));
    }

    [Fact]
    public async Task Pre_annotations_land_on_the_items_of_their_rows()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "older row 7", "id-7")); // makes row 7 below a duplicate
        var rows = Enumerable.Range(1, 70).Select(i => Seed.Row(i, $"row {i}", $"id-{i}", i % 3 == 0 ? "spam" : "ham")).ToArray();
        var report = await Seed.ImportAsync(t, p.Id, null, rows);
        Assert.Equal((69L, 1L, 69L), (report.Imported, report.SkippedDuplicates, report.Annotations));
        var labels = await t.Db.Labels.ToDictionaryAsync(l => l.Id, l => l.Name, Ct);
        var pairs = await (from a in t.Db.Annotations
                           join l in t.Db.AnnotationLabels on a.Id equals l.AnnotationId
                           join i in t.Db.Items on a.ItemId equals i.Id
                           select new { i.ExternalId, l.LabelId }).ToListAsync(Ct);
        Assert.Equal(69, pairs.Count);
        Assert.All(pairs, x => Assert.Equal(int.Parse(x.ExternalId!["id-".Length..], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0 ? "spam" : "ham", labels[x.LabelId]));
    }

    [Fact]
    public async Task Strict_rollback_leaves_the_database_exactly_as_before()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Enumerable.Range(1, 50).Select(i => Seed.Row(i, $"kept {i}", $"k{i}", "ham")).ToArray());
        var before = await SnapshotAsync(t);
        var rows = Enumerable.Range(1, 120).Select(i => i == 110 ? Seed.Bad(i, "broken") : Seed.Row(i, $"new {i}", $"n{i}", "newlabel")).ToArray();
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(Strict: true, CreateLabels: true, BatchSize: 10), rows);
        Assert.True(report.RolledBack);
        Assert.Equal(before, await SnapshotAsync(t));
    }

    /// <summary>Every row of the tables an import writes, as text, for an exact before/after comparison.</summary>
    private static async Task<string> SnapshotAsync(TestDb t)
    {
        var items = await t.Db.Items.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => $"{i.Id}|{i.ExternalId}|{i.Text}|{i.ContentKey}|{i.ImportBatchId}").ToListAsync(Ct);
        var annotations = await t.Db.Annotations.AsNoTracking().OrderBy(a => a.Id).Select(a => $"{a.Id}|{a.ItemId}|{a.Author}").ToListAsync(Ct);
        var labels = await t.Db.Labels.AsNoTracking().OrderBy(l => l.Id).Select(l => $"{l.Id}|{l.Name}").ToListAsync(Ct);
        var batches = await t.Db.ImportBatches.AsNoTracking().OrderBy(b => b.Id).Select(b => $"{b.Id}|{b.Imported}").ToListAsync(Ct);
        var links = await t.Db.AnnotationLabels.AsNoTracking().CountAsync(Ct);
        return string.Join("\n", items.Concat(annotations).Concat(labels).Concat(batches).Append(links.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
