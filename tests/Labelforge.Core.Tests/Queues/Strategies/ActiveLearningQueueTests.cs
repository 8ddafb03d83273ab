using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Engine;
using Labelforge.Engine.ActiveLearning;

namespace Labelforge.Core.Tests.Queues.Strategies;

public class ActiveLearningQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static QueueOperations Queue(TestDb t) => t.Get<QueueOperations>();

    private static QueueModelOperations Models(TestDb t) => t.Get<QueueModelOperations>();

    private static QueueStatusOperations Status(TestDb t) => t.Get<QueueStatusOperations>();

    private static QueueModelRound Round(IReadOnlyList<long> ranked, IReadOnlyList<long> stop, int[] predictions, long[]? classes = null) =>
        new(ActiveLearningQueueStrategy.Margin, 10, classes ?? [1, 2], ranked, ranked.Select(_ => 0.5).ToList(), stop, predictions, TimeSpan.FromMilliseconds(30));

    [Fact]
    public async Task Items_come_in_the_strategy_order_of_the_given_probabilities_then_seeded_random()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 8);
        await t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate(ActiveLearningQueueStrategy.Margin, Seed: 5), Ct);
        // p(spam) per item; margin ranks 0.5, 0.45, 0.6, 0.3 first (depth 4), the other four follow seeded random.
        var probabilities = new ProbabilityMatrix([.. new[] { 0.99f, 0.6f, 0.05f, 0.5f, 0.9f, 0.45f, 0.3f, 0.97f }.SelectMany(q => new[] { 1 - q, q })], 2);
        var ranked = QueueRanking.Rank(probabilities, new QueryOptions { Strategy = QueryStrategy.Margin }, head: 0, depth: 4);
        await Models(t).SaveRoundAsync(p.Id, Round(ranked.Rows.Select(r => ids[r]).ToList(), [], []), Ct);

        var next = (await Queue(t).NextAsync(p.Id, new QueueRequest("alice", 8), Ct)).Select(i => i.Id).ToList();

        Assert.Equal([ids[3], ids[5], ids[1], ids[6]], next[..4]);
        var rest = await Queue(t).NextAsync(p.Id, new QueueRequest("bob", 8, SeededRandomStrategy.WireName, 5), Ct);
        Assert.Empty(rest); // alice holds everything
        await Queue(t).ReleaseAsync(p.Id, "alice", next[4..], Ct);
        Assert.Equal(next[4..], (await Queue(t).NextAsync(p.Id, new QueueRequest("bob", 8, SeededRandomStrategy.WireName, 5), Ct)).Select(i => i.Id));
    }

    [Fact]
    public async Task Before_the_first_model_the_queue_is_seeded_random_and_the_status_says_so()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ItemsAsync(t, p.Id, 12);
        await t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate(ActiveLearningQueueStrategy.Entropy, 5, Seed: 9), Ct);

        var al = (await Queue(t).NextAsync(p.Id, new QueueRequest("alice", 12), Ct)).Select(i => i.Id).ToList();
        await Queue(t).ReleaseAsync(p.Id, "alice", al, Ct);
        var random = (await Queue(t).NextAsync(p.Id, new QueueRequest("bob", 12, SeededRandomStrategy.WireName, 9), Ct)).Select(i => i.Id);

        Assert.Equal(random, al);
        Assert.NotEqual(al.Order(), al);
        var status = await Status(t).StatusAsync(p.Id, Ct);
        Assert.True(status.ActiveLearning);
        Assert.False(status.ModelReady);
        Assert.Contains("seeded-random", status.Message, StringComparison.Ordinal);
        Assert.Equal(5, status.NextRetrainAtLabels);
        Assert.Null(status.StopMessage);
    }

    [Fact]
    public async Task Successive_rounds_build_the_kappa_history_and_signal_stopping()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 6);
        await t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate(ActiveLearningQueueStrategy.Margin), Ct);
        long[] stop = [ids[0], ids[1], ids[2], ids[3]];

        await Models(t).SaveRoundAsync(p.Id, Round(ids, stop, [0, 1, 0, 1]), Ct);
        await Models(t).SaveRoundAsync(p.Id, Round(ids, stop, [0, 1, 1, 1]), Ct);
        var changing = await Status(t).StatusAsync(p.Id, Ct);
        Assert.Equal(0.5, changing.Kappa!.Value, 6); // p_o = 3/4, p_e = 1/2
        Assert.False(changing.ShouldStop);
        Assert.Contains("still changing", changing.StopMessage, StringComparison.Ordinal);

        for (var round = 0; round < 3; round++)
            await Models(t).SaveRoundAsync(p.Id, Round(ids, stop, [0, 1, 1, 1]), Ct);
        var stable = await Status(t).StatusAsync(p.Id, Ct);
        Assert.Equal(5, stable.RetrainCount);
        Assert.Equal(3, stable.StableRounds);
        Assert.True(stable.ShouldStop);
        Assert.Equal("model stable: kappa 1.00 for 3 rounds — consider stopping", stable.StopMessage);

        await Models(t).SaveRoundAsync(p.Id, Round(ids, stop, [0, 1, 1, 1], classes: [1, 2, 3]), Ct);
        Assert.Empty((await Status(t).StatusAsync(p.Id, Ct)).Kappas); // a changed taxonomy starts a new history
    }

    [Fact]
    public async Task A_project_is_due_after_retrain_every_new_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 5);
        await t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate(ActiveLearningQueueStrategy.Margin, RetrainEvery: 2), Ct);
        var annotations = t.Get<AnnotationOperations>();
        var counts = new QueueLabelCounts();

        await annotations.SubmitAsync(p.Id, new NewAnnotation(ids[0], "alice", Labels: ["spam"]), Ct);
        Assert.Empty(await Models(t).DueProjectsAsync(counts, Ct));
        var second = await annotations.SubmitAsync(p.Id, new NewAnnotation(ids[1], "alice", Labels: ["ham"]), Ct);
        Assert.Equal([p.Id], await Models(t).DueProjectsAsync(counts, Ct));
        Assert.Equal([p.Id], await Models(t).DueProjectsAsync(null, Ct)); // counted afresh: the same answer
        // Counted once for this latest annotation; the next poll, and a status request sharing the counts, reuse it.
        Assert.True(counts.TryGet(p.Id, second.Annotation.Id, out var labeled));
        Assert.Equal(2, labeled);
        Assert.Equal(2, (await new QueueStatusOperations(t.Get<QueueSettingsOperations>(), t.Get<QueueModelOperations>(), new ActiveLearningQueueOptions(), counts).StatusAsync(p.Id, Ct)).LabeledItems);

        await Models(t).SaveNoModelAsync(p.Id, ActiveLearningQueueStrategy.Margin, 2, "one class", Ct);
        Assert.Empty(await Models(t).DueProjectsAsync(counts, Ct));
        Assert.Equal(ids[2..], await Models(t).PoolAsync(p.Id, Ct));
        await annotations.SubmitAsync(p.Id, new NewAnnotation(ids[2], "alice", Labels: ["ham"]), Ct);
        await annotations.SubmitAsync(p.Id, new NewAnnotation(ids[3], "alice", Labels: ["spam"]), Ct);
        Assert.Equal([p.Id], await Models(t).DueProjectsAsync(counts, Ct)); // new annotations: counted again
    }

    [Theory]
    [InlineData("psychic", null, null)]
    [InlineData(null, 0, null)]
    [InlineData(null, null, 0)]
    public async Task Bad_settings_are_rejected(string? strategy, int? every, int? batch)
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();

        var e = await Assert.ThrowsAsync<LabelforgeException>(() =>
            t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate(strategy, every, batch), Ct));

        Assert.Equal(ErrorKind.Invalid, e.Kind);
        Assert.Equal(ImportOrderStrategy.WireName, (await t.Get<QueueSettingsOperations>().GetAsync(p.Id, Ct)).Strategy);
    }
}
