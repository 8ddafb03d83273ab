using Labelforge.Core.Adjudication;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Consensus;
using Labelforge.Core.Scorecards;
using Labelforge.Core.Tests.Consensus;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Adjudication;

/// <summary>The adjudication queue on Bluebirds (39 workers on every item): order, answers with quality, decisions as gold.</summary>
public class AdjudicationOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_queue_puts_the_most_disputed_items_first_with_every_annotators_label_and_quality()
    {
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds());
        var goldItem = crowd.ItemIds[crowd.Rows[0].Item];
        await CrowdProject.WriteAsync(t, crowd.Project.Id, [(goldItem, "expert", crowd.LabelIds["1"], null)], kind: "gold");
        t.Db.GoldItems.Add(new Labelforge.Core.Gold.GoldItem { ProjectId = crowd.Project.Id, ItemId = goldItem });
        await t.Db.SaveChangesAsync(Ct);
        var run = (await t.Get<ConsensusOperations>().RunAsync(crowd.Project.Id, new ConsensusRequest("dawid-skene"), Ct)).Run;

        var queue = await t.Get<AdjudicationOperations>().QueueAsync(crowd.Project.Id, pageSize: 200, ct: Ct);
        Assert.Equal(run.Id, queue.ConsensusRunId);
        Assert.Equal("dawid-skene", queue.ConsensusMethod);
        Assert.Equal(AdjudicationOrder.Disagreement, queue.Order);
        Assert.Equal(crowd.ItemIds.Count - 1, queue.Total); // the gold item's answer is known
        Assert.DoesNotContain(queue.Items, i => i.ItemId == goldItem);

        // Entropy of each stored posterior, computed here from the consensus annotations, orders the queue.
        var posteriors = await t.Db.Annotations.Where(a => a.Author == run.Author).ToDictionaryAsync(a => a.ItemId, a => ProbabilityJson.Read(a.ProbabilitiesJson), Ct);
        var expected = posteriors.Where(p => p.Key != goldItem)
            .Select(p => (Item: p.Key, H: -p.Value.Values.Where(v => v > 0).Sum(v => (float)v * Math.Log((float)v))))
            .OrderByDescending(p => Math.Round(p.H, 6)).ThenBy(p => p.Item).ToList();
        Assert.Equal(expected.Select(e => Math.Round(e.H, 6)), queue.Items.Select(i => i.Entropy));
        Assert.True(queue.Items[0].Entropy > queue.Items[^1].Entropy);

        var report = await t.Get<ScorecardOperations>().ReportAsync(crowd.Project.Id, Ct);
        var first = queue.Items[0];
        var external = first.ExternalId!;
        var mine = crowd.Rows.Where(r => r.Item == external).ToList();
        Assert.Equal(mine.Select(r => r.Worker).Order(StringComparer.Ordinal), first.Answers.Select(a => a.Annotator));
        foreach (var answer in first.Answers)
        {
            Assert.Equal([mine.Single(r => r.Worker == answer.Annotator).Label], answer.Labels);
            var card = report.Annotators.Single(c => c.Annotator == answer.Annotator);
            Assert.Equal(card.AgreementWithConsensus, answer.AgreementWithConsensus);
            Assert.Equal(card.GoldAccuracy, answer.GoldAccuracy);
        }
        Assert.Equal($"task {external}", first.Text);
        Assert.Equal(first.Posterior[0].LabelId, first.ConsensusLabelId);
        Assert.Equal(posteriors[first.ItemId][first.ConsensusLabelId], first.Confidence, 6);
        Assert.Equal(2, first.Posterior.Count);

        var second = await t.Get<AdjudicationOperations>().QueueAsync(crowd.Project.Id, page: 2, pageSize: 10, ct: Ct);
        Assert.Equal(queue.Items.Skip(10).Take(10).Select(i => i.ItemId), second.Items.Select(i => i.ItemId));
    }

    [Fact]
    public async Task A_decision_is_a_review_that_supersedes_the_consensus_leaves_the_queue_and_scores_annotators_like_gold()
    {
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds());
        await t.Get<ConsensusOperations>().RunAsync(crowd.Project.Id, new ConsensusRequest("majority"), Ct);
        var ops = t.Get<AdjudicationOperations>();
        var before = await ops.QueueAsync(crowd.Project.Id, ct: Ct);
        var item = before.Items[0];
        var overturn = crowd.LabelIds.Values.Single(id => id != item.ConsensusLabelId);
        Assert.Null((await t.Get<ScorecardOperations>().ReportAsync(crowd.Project.Id, Ct)).Annotators[0].GoldAccuracy);

        var result = await ops.DecideAsync(crowd.Project.Id, new AdjudicationDecision(item.ItemId, "rita", [overturn], "req-1", 4200), Ct);
        Assert.True(result.Created);
        Assert.False(result.AgreesWithConsensus);
        var stored = await t.Db.Annotations.SingleAsync(a => a.Id == result.Annotation.Id, Ct);
        Assert.Equal(("review", "rita", item.ConsensusAnnotationId, 4200L), (stored.Kind, stored.Author, stored.SupersedesId!.Value, stored.TimeSpentMs!.Value));
        Assert.Equal($"[{overturn}]", stored.LabelIdsJson);

        var after = await ops.QueueAsync(crowd.Project.Id, ct: Ct);
        Assert.Equal(before.Total - 1, after.Total);
        Assert.Equal(1, after.Decided);
        Assert.DoesNotContain(after.Items, i => i.ItemId == item.ItemId);

        // Every annotator of the item is now scored against the decision, as against a gold answer.
        var report = await t.Get<ScorecardOperations>().ReportAsync(crowd.Project.Id, Ct);
        Assert.Equal(1, report.GoldItems);
        var workers = crowd.Rows.Where(r => crowd.ItemIds[r.Item] == item.ItemId).ToList();
        var overturnName = crowd.LabelIds.Single(p => p.Value == overturn).Key;
        foreach (var card in report.Annotators.Where(c => workers.Any(w => w.Worker == c.Annotator)))
        {
            Assert.Equal(1, card.GoldLabels);
            Assert.Equal(workers.Single(w => w.Worker == card.Annotator).Label == overturnName ? 1.0 : 0.0, card.GoldAccuracy);
        }

        var retry = await ops.DecideAsync(crowd.Project.Id, new AdjudicationDecision(item.ItemId, "rita", [overturn], "req-1"), Ct);
        Assert.False(retry.Created);
        Assert.Equal(result.Annotation.Id, retry.Annotation.Id);
        await ErrorAssert.FailsAsync(ErrorKind.Conflict, "already decided by rita",
            () => ops.DecideAsync(crowd.Project.Id, new AdjudicationDecision(item.ItemId, "sam", [item.ConsensusLabelId]), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "exactly one label id",
            () => ops.DecideAsync(crowd.Project.Id, new AdjudicationDecision(after.Items[0].ItemId, "sam", [overturn, item.ConsensusLabelId]), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "needs a reviewer",
            () => ops.DecideAsync(crowd.Project.Id, new AdjudicationDecision(after.Items[0].ItemId, " ", [overturn]), Ct));
        var agreeing = await ops.DecideAsync(crowd.Project.Id, new AdjudicationDecision(after.Items[0].ItemId, "sam", [after.Items[0].ConsensusLabelId]), Ct);
        Assert.True(agreeing.AgreesWithConsensus);
    }

    [Fact]
    public async Task Label_error_order_puts_flagged_items_first_lowest_quality_first()
    {
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds());
        await t.Get<ConsensusOperations>().RunAsync(crowd.Project.Id, new ConsensusRequest("dawid-skene"), Ct);
        var ops = t.Get<AdjudicationOperations>();
        await ErrorAssert.FailsAsync(ErrorKind.Conflict, "find label errors first",
            () => ops.QueueAsync(crowd.Project.Id, AdjudicationOrder.LabelError, ct: Ct));
        var byDisagreement = await ops.QueueAsync(crowd.Project.Id, pageSize: 200, ct: Ct);
        var (calm, calmer) = (byDisagreement.Items[^1].ItemId, byDisagreement.Items[^2].ItemId);

        var queue = await ops.QueueAsync(crowd.Project.Id, "label-error", pageSize: 200, labelErrorQuality: new Dictionary<long, double> { [calm] = 0.3, [calmer] = 0.1 }, ct: Ct);
        Assert.Equal(AdjudicationOrder.LabelError, queue.Order);
        Assert.Equal([calmer, calm], queue.Items.Take(2).Select(i => i.ItemId));
        Assert.Equal([0.1, 0.3], queue.Items.Take(2).Select(i => i.LabelErrorQuality!.Value));
        Assert.Equal(byDisagreement.Items.Select(i => i.ItemId).Where(id => id != calm && id != calmer), queue.Items.Skip(2).Select(i => i.ItemId));
        Assert.All(queue.Items.Skip(2), i => Assert.Null(i.LabelErrorQuality));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "use one of: disagreement, label-error", () => ops.QueueAsync(crowd.Project.Id, "entropy", ct: Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "page_size between 1 and 200", () => ops.QueueAsync(crowd.Project.Id, pageSize: 500, ct: Ct));
    }

    [Fact]
    public async Task Before_a_consensus_run_the_queue_is_empty_and_nothing_can_be_decided()
    {
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds());
        var ops = t.Get<AdjudicationOperations>();
        var queue = await ops.QueueAsync(crowd.Project.Id, ct: Ct);
        Assert.Null(queue.ConsensusRunId);
        Assert.Empty(queue.Items);
        Assert.Equal(0, queue.Total);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "not in the adjudication queue",
            () => ops.DecideAsync(crowd.Project.Id, new AdjudicationDecision(crowd.ItemIds.Values.First(), "rita", [crowd.LabelIds["0"]]), Ct));
    }
}
