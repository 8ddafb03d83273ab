using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Settings;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Queues.Overlap;

public class OverlapQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<IReadOnlyList<QueueItem>> NextAsync(TestDb t, long projectId, string annotator, int count) =>
        t.Get<QueueOperations>().NextAsync(projectId, new QueueRequest(annotator, count), Ct);

    private static Task<SubmitResult> LabelAsync(TestDb t, long projectId, long itemId, string author, string label) =>
        t.Get<AnnotationOperations>().SubmitAsync(projectId, new NewAnnotation(itemId, author, Labels: [label]), Ct);

    private static Task<QueueSettings> SetAsync(TestDb t, long projectId, QueueSettingsUpdate update) =>
        t.Get<QueueSettingsOperations>().SetAsync(projectId, update, Ct);

    [Fact]
    public async Task Fixed_overlap_leases_each_item_to_k_distinct_annotators_and_no_more()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 4);
        await SetAsync(t, p.Id, new QueueSettingsUpdate { Overlap = 3 });

        foreach (var annotator in new[] { "alice", "bob", "carol" })
            Assert.Equal(ids, (await NextAsync(t, p.Id, annotator, 10)).Select(i => i.Id));

        // Three leases on every item already: a fourth annotator gets nothing while they hold them.
        Assert.Empty(await NextAsync(t, p.Id, "dave", 10));
    }

    [Fact]
    public async Task Labels_count_toward_the_overlap_and_an_item_leaves_after_k_people_labeled_it()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 2);
        await SetAsync(t, p.Id, new QueueSettingsUpdate { Overlap = 2 });

        await NextAsync(t, p.Id, "alice", 1);
        await LabelAsync(t, p.Id, ids[0], "alice", "spam");
        // Her label ended her lease; she is not handed the item again, and it is still open for one more person.
        Assert.Equal([ids[1]], (await NextAsync(t, p.Id, "alice", 5)).Select(i => i.Id));
        Assert.Equal(ids, (await NextAsync(t, p.Id, "bob", 5)).Select(i => i.Id));
        await LabelAsync(t, p.Id, ids[0], "bob", "ham");

        // Two people labeled the first item; the second is held by alice and bob.
        Assert.Empty(await NextAsync(t, p.Id, "carol", 5));
        Assert.False(await t.Db.UndecidedItems.AnyAsync(u => u.ItemId == ids[0], Ct));
        Assert.True(await t.Db.UndecidedItems.AnyAsync(u => u.ItemId == ids[1], Ct));
    }

    [Fact]
    public async Task An_annotator_never_gets_an_item_again_after_labeling_or_skipping_it()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 3);
        await SetAsync(t, p.Id, new QueueSettingsUpdate { Overlap = 3 });
        await NextAsync(t, p.Id, "alice", 3);
        await LabelAsync(t, p.Id, ids[0], "alice", "spam");
        await t.Get<QueueOperations>().SkipAsync(p.Id, "alice", [ids[1]], Ct);

        t.Time.Advance(TimeSpan.FromHours(1)); // every lease expired
        Assert.Equal([ids[2]], (await NextAsync(t, p.Id, "alice", 5)).Select(i => i.Id));
        Assert.Equal(ids, (await NextAsync(t, p.Id, "bob", 5)).Select(i => i.Id));
    }

    [Fact]
    public async Task Raising_the_overlap_brings_labeled_items_back_for_other_annotators()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 3);
        await LabelAsync(t, p.Id, ids[0], "alice", "spam");
        Assert.Equal(ids[1..], (await NextAsync(t, p.Id, "bob", 5)).Select(i => i.Id));

        await SetAsync(t, p.Id, new QueueSettingsUpdate { Overlap = 2 });

        Assert.Equal(ids, (await NextAsync(t, p.Id, "carol", 5)).Select(i => i.Id));
        // Bob's and Carol's leases fill the last two items' overlap, Alice's label and Carol's lease the first one's.
        Assert.Empty(await NextAsync(t, p.Id, "alice", 5));
        t.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(ids[1..], (await NextAsync(t, p.Id, "alice", 5)).Select(i => i.Id));
        // Back to one annotator per item: the labeled item is done again.
        await SetAsync(t, p.Id, new QueueSettingsUpdate { Overlap = 1 });
        Assert.False(await t.Db.UndecidedItems.AnyAsync(u => u.ItemId == ids[0], Ct));
        var ranges = await t.Db.UndecidedRanges.Where(r => r.ProjectId == p.Id).Select(r => new { r.FirstId, r.LastId }).ToListAsync(Ct);
        Assert.Equal([(ids[1], ids[2])], ranges.Select(r => (r.FirstId, r.LastId)));
    }

    [Fact]
    public async Task Adaptive_overlap_asks_for_more_annotators_only_while_the_item_is_uncertain()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 2);
        await SetAsync(t, p.Id, new QueueSettingsUpdate { OverlapMode = QueueSettings.AdaptiveOverlap, MinOverlap = 2, MaxOverlap = 4, TargetConfidence = 0.85 });

        // Item 0: two agreeing labels reach 0.75² / (0.75² + 0.25²) = 0.9 (above 0.85), so two suffice.
        await LabelAsync(t, p.Id, ids[0], "alice", "spam");
        await LabelAsync(t, p.Id, ids[0], "bob", "spam");
        // Item 1: a disagreement (0.5) asks for a third; 2 to 1 (0.75) for a fourth; then the maximum stops it.
        await LabelAsync(t, p.Id, ids[1], "alice", "spam");
        await LabelAsync(t, p.Id, ids[1], "bob", "ham");
        Assert.Equal(3, await NeededAsync(t, ids[1]));
        await LabelAsync(t, p.Id, ids[1], "carol", "spam");
        Assert.Equal(4, await NeededAsync(t, ids[1]));
        Assert.Equal([ids[1]], (await NextAsync(t, p.Id, "dave", 5)).Select(i => i.Id));
        await LabelAsync(t, p.Id, ids[1], "dave", "ham");

        Assert.Equal(2, await NeededAsync(t, ids[0]));
        Assert.Equal(4, await NeededAsync(t, ids[1]));
        Assert.Empty(await NextAsync(t, p.Id, "erin", 5));
    }

    [Fact]
    public async Task Adaptive_minimum_is_served_before_any_label()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 1);
        await SetAsync(t, p.Id, new QueueSettingsUpdate { OverlapMode = QueueSettings.AdaptiveOverlap, MinOverlap = 2, MaxOverlap = 3 });

        Assert.Equal(ids, (await NextAsync(t, p.Id, "alice", 5)).Select(i => i.Id));
        Assert.Equal(ids, (await NextAsync(t, p.Id, "bob", 5)).Select(i => i.Id));
        Assert.Empty(await NextAsync(t, p.Id, "carol", 5));
    }

    [Fact]
    public async Task Bad_overlap_settings_are_user_errors()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Overlap must be between 1 and 100 annotators.", () => SetAsync(t, p.Id, new QueueSettingsUpdate { Overlap = 0 }));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Max-overlap (2) must be at least min-overlap (3).",
            () => SetAsync(t, p.Id, new QueueSettingsUpdate { OverlapMode = QueueSettings.AdaptiveOverlap, MinOverlap = 3, MaxOverlap = 2 }));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Target confidence must be above 0 and below 1", () => SetAsync(t, p.Id, new QueueSettingsUpdate { TargetConfidence = 1 }));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Gold rate must be between 0 and 1", () => SetAsync(t, p.Id, new QueueSettingsUpdate { GoldRate = 1.5 }));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Unknown overlap mode 'sometimes'", () => SetAsync(t, p.Id, new QueueSettingsUpdate { OverlapMode = "sometimes" }));
    }

    private static async Task<int?> NeededAsync(TestDb t, long itemId) =>
        await t.Db.ItemOverlaps.Where(o => o.ItemId == itemId).Select(o => (int?)o.Needed).FirstOrDefaultAsync(Ct);
}
