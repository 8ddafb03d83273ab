using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Models;

namespace Labelforge.Core.Tests.Models;

public class AutoAcceptOperationsTests
{
    [Fact]
    public async Task Held_out_evidence_sets_the_threshold_and_only_confident_items_are_accepted_once()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ct = TestContext.Current.CancellationToken;
        var items = await Seed.ItemsAsync(t, p.Id, 300);
        var (ham, spam) = ModelFixtures.Labels(t, p.Id);
        // 200 held-out items right at 0.95; 50 at 0.6 half wrong, which no bound at 0.98 admits.
        var model = await ModelFixtures.VersionAsync(t, p.Id, heldOut: ModelFixtures.Evidence((0.95, true, 200), (0.6, true, 25), (0.6, false, 25)));
        await ModelFixtures.PredictAsync(t, p.Id, model.Author, items[..100], spam, ham, 0.97);
        await ModelFixtures.PredictAsync(t, p.Id, model.Author, items[100..], ham, spam, 0.6);
        var ops = t.Get<AutoAcceptOperations>();

        var dry = await ops.RunAsync(p.Id, new AutoAcceptRequest(DryRun: true), ct);
        Assert.Equal(0.95, dry.Threshold.Threshold);
        Assert.Equal(200, dry.Threshold.Verified);
        Assert.Equal(100, dry.Threshold.Covered);
        Assert.Equal(300, dry.Threshold.Unlabeled);
        Assert.Equal(0, dry.Accepted);
        Assert.Empty(t.Db.Annotations.Where(a => a.Kind == "model-accepted"));

        var run = await ops.RunAsync(p.Id, new AutoAcceptRequest(), ct);
        Assert.Equal(100, run.Accepted);
        var accepted = t.Db.Annotations.Where(a => a.Kind == "model-accepted").ToList();
        Assert.All(accepted, a => Assert.Equal(model.Author, a.Author));
        Assert.Equal(items[..100].Order(), accepted.Select(a => a.ItemId).Order());
        Assert.All(accepted, a => Assert.Equal($"[{spam}]", a.LabelIdsJson));
        Assert.Equal(0, (await ops.RunAsync(p.Id, new AutoAcceptRequest(), ct)).Accepted);
    }

    [Fact]
    public async Task Too_little_evidence_gives_no_threshold_and_writes_nothing()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 20);
        var (ham, spam) = ModelFixtures.Labels(t, p.Id);
        var model = await ModelFixtures.VersionAsync(t, p.Id, heldOut: ModelFixtures.Evidence((0.99, true, 60)));
        await ModelFixtures.PredictAsync(t, p.Id, model.Author, items, spam, ham, 0.99);

        var result = await t.Get<AutoAcceptOperations>().RunAsync(p.Id, new AutoAcceptRequest(), TestContext.Current.CancellationToken);

        Assert.Null(result.Threshold.Threshold);
        Assert.Equal(149, result.Threshold.MinimumVerified);
        Assert.Equal(0, result.Accepted);
    }

    [Fact]
    public async Task Human_labels_given_after_training_count_as_evidence_and_earlier_ones_do_not()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ct = TestContext.Current.CancellationToken;
        var items = await Seed.ItemsAsync(t, p.Id, 200);
        var (ham, spam) = ModelFixtures.Labels(t, p.Id);
        var annotations = t.Get<AnnotationOperations>();
        foreach (var item in items[..10])
            await annotations.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["spam"]), ct);
        var through = t.Db.Annotations.Max(a => a.Id);
        var model = await ModelFixtures.VersionAsync(t, p.Id, through: through);
        await ModelFixtures.PredictAsync(t, p.Id, model.Author, items, spam, ham, 0.99);
        foreach (var item in items[10..170])
            await annotations.SubmitAsync(p.Id, new NewAnnotation(item, "bob", Labels: ["spam"]), ct);

        var result = await t.Get<AutoAcceptOperations>().RunAsync(p.Id, new AutoAcceptRequest(DryRun: true), ct);

        Assert.Equal(160, result.LaterHumanVerified);
        Assert.Equal(0, result.HeldOutVerified);
        Assert.Equal(0.99, result.Threshold.Threshold);
        Assert.Equal(30, result.Threshold.Unlabeled);
    }

    [Fact]
    public async Task A_model_without_predictions_or_bad_settings_is_refused()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ct = TestContext.Current.CancellationToken;
        var ops = t.Get<AutoAcceptOperations>();
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<LabelforgeException>(() => ops.RunAsync(p.Id, new AutoAcceptRequest(), ct))).Kind);
        await ModelFixtures.VersionAsync(t, p.Id);
        var none = await Assert.ThrowsAsync<LabelforgeException>(() => ops.RunAsync(p.Id, new AutoAcceptRequest(), ct));
        Assert.Contains("labelforge predict", none.Message, StringComparison.Ordinal);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Confidence must be between 0 and 1 (got 1.5).", () => ops.RunAsync(p.Id, new AutoAcceptRequest(Confidence: 1.5), ct));
    }
}
