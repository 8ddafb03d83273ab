using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Tests.Queues;

public class QueueOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QueueOperations Ops(TestDb t) => t.Get<QueueOperations>(); // leases last QueueOptions' 5 minutes

    [Fact]
    public async Task Two_annotators_never_get_the_same_item()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 10);

        var alice = await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 4), Ct);
        var bob = await Ops(t).NextAsync(p.Id, new QueueRequest("bob", 4), Ct);

        Assert.Equal(ids[..4], alice.Select(i => i.Id));
        Assert.Equal(ids[4..8], bob.Select(i => i.Id));
    }

    [Fact]
    public async Task Asking_again_returns_the_items_still_held_first()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 6);
        await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 2), Ct);

        var again = await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 3), Ct);

        Assert.Equal(ids[..3], again.Select(i => i.Id));
    }

    [Fact]
    public async Task An_expired_lease_goes_to_the_next_annotator_and_renewal_keeps_it()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 2);
        await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 1), Ct);

        t.Time.Advance(TimeSpan.FromMinutes(4));
        var renewed = await Ops(t).RenewAsync(p.Id, "alice", [ids[0]], Ct);
        Assert.Equal([ids[0]], renewed.Renewed);
        t.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal([ids[1]], (await Ops(t).NextAsync(p.Id, new QueueRequest("bob", 2), Ct)).Select(i => i.Id));

        t.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty((await Ops(t).RenewAsync(p.Id, "alice", [ids[0]], Ct)).Renewed);
        Assert.Equal([ids[1], ids[0]], (await Ops(t).NextAsync(p.Id, new QueueRequest("bob", 2), Ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task Items_with_a_human_annotation_are_done_and_released_items_return()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 3);
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(ids[0], "carol", Labels: ["spam"]), Ct);
        var first = await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 1), Ct);
        Assert.Equal(ids[1], first[0].Id);

        Assert.Equal(1, await Ops(t).ReleaseAsync(p.Id, "alice", [ids[1]], Ct));
        var bob = await Ops(t).NextAsync(p.Id, new QueueRequest("bob", 3), Ct);
        Assert.Equal([ids[1], ids[2]], bob.Select(i => i.Id));

        var progress = await Ops(t).ProgressAsync(p.Id, "carol", Ct);
        Assert.Equal(new QueueProgress(1, 1, 3), progress);
    }

    [Fact]
    public async Task Import_labels_do_not_finish_an_item_but_exclusions_are_honoured()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "a", "a", "spam"), Seed.Row(2, "b", "b"));
        var ids = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();

        var next = await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 5, Exclude: [ids[1]]), Ct);

        Assert.Equal([ids[0]], next.Select(i => i.Id));
    }

    [Fact]
    public async Task A_reviewers_decision_finishes_an_item_like_a_human_label()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "a", "a", "spam"), Seed.Row(2, "b", "b", "ham"));
        var ids = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(ids[0], "rita", AnnotationKind.Review, Labels: ["ham"]), Ct);

        var next = await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 5), Ct);

        Assert.Equal([ids[1]], next.Select(i => i.Id));
        Assert.Equal(new QueueProgress(0, 1, 2), await Ops(t).ProgressAsync(p.Id, "alice", Ct));
    }

    [Fact]
    public async Task A_skip_keeps_the_item_from_that_annotator_only_until_they_ask_for_it_back()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 3);
        var first = await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 1), Ct);
        Assert.Equal(ids[0], first[0].Id);

        Assert.Equal(1, await Ops(t).SkipAsync(p.Id, "alice", [ids[0]], Ct));
        Assert.Equal(0, await Ops(t).SkipAsync(p.Id, "alice", [ids[0], 999_999], Ct)); // again, and an unknown id: nothing new

        Assert.Equal([ids[1], ids[2]], (await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 5), Ct)).Select(i => i.Id));
        Assert.Equal([ids[0]], (await Ops(t).NextAsync(p.Id, new QueueRequest("bob", 5), Ct)).Select(i => i.Id)); // others still get it
        Assert.Equal(new QueueProgress(0, 0, 3, 1), await Ops(t).ProgressAsync(p.Id, "alice", Ct));

        await Ops(t).ReleaseAsync(p.Id, "alice", [ids[1], ids[2]], Ct);
        await Ops(t).ReleaseAsync(p.Id, "bob", [ids[0]], Ct);
        Assert.Equal(1, await Ops(t).UnskipAllAsync(p.Id, "alice", Ct));
        Assert.Equal([ids[0], ids[1], ids[2]], (await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 5), Ct)).Select(i => i.Id));
        Assert.Equal(0, (await Ops(t).ProgressAsync(p.Id, "alice", Ct)).AnnotatorSkipped);
    }

    [Fact]
    public async Task Seeded_random_order_is_a_stable_permutation()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 20);

        var a = await Ops(t).NextAsync(p.Id, new QueueRequest("alice", 20, SeededRandomStrategy.WireName, Seed: 7), Ct);
        await Ops(t).ReleaseAsync(p.Id, "alice", ids, Ct);
        var b = await Ops(t).NextAsync(p.Id, new QueueRequest("bob", 20, SeededRandomStrategy.WireName, Seed: 7), Ct);

        Assert.Equal(a.Select(i => i.Id), b.Select(i => i.Id));
        Assert.NotEqual(ids, a.Select(i => i.Id));
        Assert.Equal(ids, a.Select(i => i.Id).Order());
    }

    [Fact]
    public async Task Concurrent_claims_hand_out_disjoint_items()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ItemsAsync(t, p.Id, 40);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(async n =>
        {
            await using var db = t.Store.CreateDb();
            await using var services = t.ServicesFor(db);
            var ops = services.GetRequiredService<QueueOperations>();
            return await ops.NextAsync(p.Id, new QueueRequest($"user{n}", 5), Ct);
        }));

        var all = claims.SelectMany(c => c.Select(i => i.Id)).ToList();
        Assert.Equal(40, all.Count);
        Assert.Equal(40, all.Distinct().Count());
    }

    [Fact]
    public async Task Bad_requests_are_user_errors()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "An annotator name is needed", () => Ops(t).NextAsync(p.Id, new QueueRequest(" ", 1), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Count must be between 1 and 50.", () => Ops(t).NextAsync(p.Id, new QueueRequest("a", 0), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Unknown queue strategy 'magic'", () => Ops(t).NextAsync(p.Id, new QueueRequest("a", 1, "magic"), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "No project with id 999.", () => Ops(t).NextAsync(999, new QueueRequest("a", 1), Ct));
    }
}
