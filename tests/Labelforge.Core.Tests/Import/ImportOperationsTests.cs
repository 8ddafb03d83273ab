using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Tests.Import;

public class ImportOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Duplicates_by_external_id_or_by_content_without_one_are_skipped_and_counted()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var first = await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "hello", "a"), Seed.Row(2, "world", "b"), Seed.Row(3, "no id"));
        var again = await Seed.ImportAsync(t, p.Id, null,
            Seed.Row(1, "hello changed", "a"), Seed.Row(2, "world", "c"), Seed.Row(3, "new one", "d"), Seed.Row(4, "new one", "d"),
            Seed.Row(5, "no id"), Seed.Row(6, "no id either"), Seed.Row(7, "no id either"));
        Assert.Equal((3L, 0L), (first.Imported, first.SkippedDuplicates));
        // "a" and the second "d" by id, the repeated texts without an id by content; "world" under id "c" is a new item.
        Assert.Equal((3L, 4L), (again.Imported, again.SkippedDuplicates));
        Assert.Equal(6, t.Db.Items.Count());
        Assert.Equal(2, t.Db.Items.Count(i => i.Text == "world"));
    }

    [Fact]
    public async Task Labels_become_import_annotations_and_unknown_labels_are_row_errors()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var report = await Seed.ImportAsync(t, p.Id, null,
            Seed.Row(1, "buy now", "1", "spam"), Seed.Row(2, "hi mum", "2", "HAM"), Seed.Row(3, "what", "3", "eggs"));
        Assert.Equal((2L, 2L, 1L), (report.Imported, report.Annotations, report.ErrorCount));
        var error = Assert.Single(report.Errors);
        Assert.Equal((3L, "label"), (error.Line, error.Field));
        Assert.Contains("--create-labels", error.Message, StringComparison.Ordinal);
        var annotation = t.Db.Annotations.OrderBy(a => a.Id).First();
        Assert.Equal(($"import:{report.BatchId}", "import", 1), (annotation.Author, annotation.Kind, annotation.TaxonomyVersion));
    }

    [Fact]
    public async Task Create_labels_adds_unknown_labels_to_the_taxonomy()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(CreateLabels: true), Seed.Row(1, "x", "1", "eggs"), Seed.Row(2, "y", "2", "eggs"));
        Assert.Equal(["eggs"], report.CreatedLabels);
        Assert.Equal(0, report.ErrorCount);
        var labels = await t.Get<TaxonomyOperations>().GetLabelsAsync(p.Id, ct: Ct);
        Assert.Contains(labels, l => l.Name == "eggs");
        Assert.Equal(2, (await t.Get<ItemOperations>().QueryAsync(p.Id, new ItemQuery(Label: "eggs"), Ct)).Total);
    }

    [Fact]
    public async Task Default_mode_keeps_good_rows_across_batches()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var rows = Enumerable.Range(1, 50).Select(i => i % 10 == 0 ? Seed.Bad(i, "broken") : Seed.Row(i, $"text {i}", $"{i}")).ToArray();
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(BatchSize: 7), rows);
        Assert.Equal((50L, 45L, 5L), (report.Rows, report.Imported, report.ErrorCount));
        Assert.Equal(45, t.Db.Items.Count());
        Assert.Equal(45, t.Db.ImportBatches.Single().Imported);
    }

    [Fact]
    public async Task Strict_mode_writes_nothing_when_any_row_is_bad()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "existing", "e"));
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(Strict: true, CreateLabels: true),
            Seed.Row(1, "good", "g", "newlabel"), Seed.Row(2, "good too", "h"), Seed.Bad(3, "broken quote"));
        Assert.True(report.RolledBack);
        Assert.Equal((0L, 1L), (report.Imported, report.ErrorCount));
        Assert.Equal(["existing"], t.Db.Items.Select(i => i.Text).ToList());
        Assert.Single(t.Db.ImportBatches);
        Assert.DoesNotContain(t.Db.Labels, l => l.Name == "newlabel");
    }

    [Fact]
    public async Task Errors_listed_are_capped_but_all_counted()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var rows = Enumerable.Range(1, 30).Select(i => Seed.Bad(i, "bad")).ToArray();
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(MaxErrorsListed: 10), rows);
        Assert.Equal((30L, 10), (report.ErrorCount, report.Errors.Count));
    }
}
