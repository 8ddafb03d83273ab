using Labelforge.Core.Annotations;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Tests.Counts;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Queues;

/// <summary>Import order reads <c>undecided_ranges</c>: how imports add runs and how decisions, deletes and undecisions split them.</summary>
public class UndecidedRangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QueueOperations Ops(TestDb t) => t.Get<QueueOperations>(); // leases last QueueOptions' 5 minutes

    private static async Task<List<(long First, long Last)>> RangesAsync(TestDb t, long projectId) =>
        (await t.Db.UndecidedRanges.AsNoTracking().Where(r => r.ProjectId == projectId).OrderBy(r => r.FirstId).ToListAsync(Ct))
            .Select(r => (r.FirstId, r.LastId)).ToList();

    private static async Task DecideAsync(TestDb t, long projectId, long itemId) =>
        await t.Get<AnnotationOperations>().SubmitAsync(projectId, new NewAnnotation(itemId, "alice", AnnotationKind.Human, Labels: ["a"]), Ct);

    private static async Task<List<long>> ImportOrderAsync(TestDb t, long projectId, int count)
    {
        var items = await Ops(t).NextAsync(projectId, new QueueRequest("bob", count, ImportOrderStrategy.WireName), Ct);
        await Ops(t).ReleaseAsync(projectId, "bob", items.Select(i => i.Id).ToList(), Ct);
        return items.Select(i => i.Id).ToList();
    }

    [Fact]
    public async Task An_import_adds_one_range_per_batch_and_a_decision_splits_the_range_it_falls_in()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("ranges", false, "a", "b");
        var ids = await Seed.ItemsAsync(t, p.Id, 10);
        Assert.Equal([(ids[0], ids[9])], await RangesAsync(t, p.Id));

        await DecideAsync(t, p.Id, ids[0]);   // the first id: the range starts after it
        await DecideAsync(t, p.Id, ids[4]);   // inside: two ranges
        await DecideAsync(t, p.Id, ids[9]);   // the last id: the range ends before it
        await DecideAsync(t, p.Id, ids[4]);   // decided already: nothing moves

        Assert.Equal([(ids[1], ids[3]), (ids[5], ids[8])], await RangesAsync(t, p.Id));
        Assert.Equal([ids[1], ids[2], ids[3], ids[5], ids[6], ids[7], ids[8]], await ImportOrderAsync(t, p.Id, 10));
    }

    [Fact]
    public async Task Deleting_an_item_or_the_decision_of_one_keeps_the_ranges_exact()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("ranges", false, "a", "b");
        var ids = await Seed.ItemsAsync(t, p.Id, 8);
        await DecideAsync(t, p.Id, ids[5]);
        await t.Db.Items.Where(i => i.Id == ids[2]).ExecuteDeleteAsync(Ct);   // undecided: leaves its range
        await t.Db.Items.Where(i => i.Id == ids[3]).ExecuteDeleteAsync(Ct);
        Assert.Equal([(ids[0], ids[1]), (ids[4], ids[4]), (ids[6], ids[7])], await RangesAsync(t, p.Id));

        // Without its only decision the item is undecided again and comes back in import order, in its place.
        await t.Db.Annotations.Where(a => a.ItemId == ids[5]).ExecuteDeleteAsync(Ct);
        Assert.Equal([(ids[0], ids[1]), (ids[4], ids[4]), (ids[5], ids[5]), (ids[6], ids[7])], await RangesAsync(t, p.Id));
        Assert.Equal([ids[0], ids[1], ids[4], ids[5], ids[6], ids[7]], await ImportOrderAsync(t, p.Id, 10));
    }

    [Fact]
    public async Task Rows_a_person_labeled_duplicates_and_imports_into_a_project_with_items_give_exact_ranges()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("ranges", false, "a", "b");
        var other = await t.ProjectAsync("other", false, "a", "b");
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "one"), Seed.Row(2, "two"), Seed.Row(3, "three"));
        await Seed.ImportAsync(t, other.Id, null, Seed.Row(1, "elsewhere"));
        // A duplicate (no new id), a row a person labeled in the file (decided, breaks the run) and new rows.
        ImportEntry[] second =
        [
            Seed.Row(1, "two"),
            Seed.Row(2, "four"),
            ImportEntry.Ok(new ImportRecord("mem.jsonl", 3, null, "five", "{}", [new ImportedAnnotation("alice", AnnotationKind.Human, ["b"])])),
            Seed.Row(4, "six"),
            Seed.Row(5, "seven"),
        ];
        var report = await Seed.ImportAsync(t, p.Id, new ImportOptions(BatchSize: 3), second);
        Assert.Equal(4, report.Imported);

        var ids = await t.Db.Items.Where(i => i.ProjectId == p.Id).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct);
        var open = await t.Db.UndecidedItems.Where(u => u.ProjectId == p.Id).Select(u => u.ItemId).OrderBy(id => id).ToListAsync(Ct);
        Assert.Equal(ids.Where((_, i) => i != 4), open);   // "five", the fifth item, is decided
        await MaintainedCountsTests.AssertRangesAsync(t, p.Id, open);
        Assert.Equal(open, await ImportOrderAsync(t, p.Id, 10));
    }
}
