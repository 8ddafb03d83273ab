using Labelforge.Core.Annotations;
using Labelforge.Core.Models;

namespace Labelforge.Core.Tests.Models;

public class PredictionOperationsTests
{
    [Fact]
    public async Task Scored_items_are_not_offered_again_and_labeled_or_reviewed_ones_can_be_skipped()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ct = TestContext.Current.CancellationToken;
        var items = await Seed.ItemsAsync(t, p.Id, 10);
        var (ham, spam) = ModelFixtures.Labels(t, p.Id);
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["ham"]), ct);
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(items[1], "rita", AnnotationKind.Review, Labels: ["spam"]), ct);
        var ops = t.Get<PredictionOperations>();

        var first = await ops.NextBatchAsync(p.Id, "model:m@1", onlyUnlabeled: false, 0, 4, ct);
        Assert.Equal(items[..4], first.Select(i => i.ItemId));
        await ModelFixtures.PredictAsync(t, p.Id, "model:m@1", first.Select(i => i.ItemId), spam, ham, 0.8);

        Assert.Equal(items[4..], (await ops.NextBatchAsync(p.Id, "model:m@1", false, 0, 100, ct)).Select(i => i.ItemId));
        // A human label and a reviewer's decision both make an item labeled.
        Assert.Equal(items[2..], (await ops.NextBatchAsync(p.Id, "model:m@2", true, 0, 100, ct)).Select(i => i.ItemId));
        var stored = t.Db.Annotations.First(a => a.Author == "model:m@1");
        Assert.Equal("model", stored.Kind);
        Assert.Equal(0.8, stored.Confidence);
        Assert.Equal($"{{\"{ham}\":0.2,\"{spam}\":0.8}}", stored.ProbabilitiesJson);
    }
}
