using Labelforge.Core.Annotations;
using Labelforge.Core.Common;

namespace Labelforge.Core.Tests.Annotations;

public class AnnotationOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_correction_is_a_new_event_that_supersedes_the_old_one()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var item = (await Seed.ItemsAsync(t, p.Id, 1))[0];
        var ops = t.Get<AnnotationOperations>();
        var first = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["ham"], TimeSpentMs: 1200), Ct);
        t.Time.Advance(TimeSpan.FromSeconds(5));
        var second = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["spam"]), Ct);
        var bob = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "bob", Labels: ["ham"]), Ct);

        Assert.Equal(first.Annotation.Id, second.Annotation.SupersedesId);
        Assert.Null(bob.Annotation.SupersedesId);
        var history = await ops.HistoryAsync(p.Id, item, Ct);
        Assert.Equal(3, history.Count);
        Assert.Equal(["ham"], history[0].Labels);
        Assert.Equal(1200, history[0].TimeSpentMs);
        Assert.Equal(t.Time.GetUtcNow(), history[1].CreatedAt);
        var current = await ops.CurrentAsync(p.Id, item, Ct);
        Assert.Equal([("alice", "spam"), ("bob", "ham")], current.Select(c => (c.Author, c.Labels.Single())));
    }

    [Fact]
    public async Task A_retried_request_id_is_stored_once()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var item = (await Seed.ItemsAsync(t, p.Id, 1))[0];
        var ops = t.Get<AnnotationOperations>();
        var a = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["ham"], RequestId: "r-1"), Ct);
        var b = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["ham"], RequestId: "r-1"), Ct);
        Assert.True(a.Created);
        Assert.False(b.Created);
        Assert.Equal(a.Annotation.Id, b.Annotation.Id);
        Assert.Single(await ops.HistoryAsync(p.Id, item, Ct));
    }

    [Fact]
    public async Task A_request_id_is_its_authors_own_so_two_authors_using_it_both_store_their_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var item = (await Seed.ItemsAsync(t, p.Id, 1))[0];
        var ops = t.Get<AnnotationOperations>();
        var alice = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["ham"], RequestId: "r-1"), Ct);
        var bob = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "bob", Labels: ["spam"], RequestId: "r-1"), Ct);
        Assert.True(alice.Created);
        Assert.True(bob.Created);
        Assert.NotEqual(alice.Annotation.Id, bob.Annotation.Id);
        Assert.Equal("bob", bob.Annotation.Author);
        Assert.Equal(["spam"], bob.Annotation.Labels);

        // Each author's retry is answered with their own row, never the other's.
        var aliceAgain = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["spam"], RequestId: "r-1"), Ct);
        var bobAgain = await ops.SubmitAsync(p.Id, new NewAnnotation(item, " bob ", Labels: ["ham"], RequestId: "r-1"), Ct);
        Assert.Equal((false, alice.Annotation.Id), (aliceAgain.Created, aliceAgain.Annotation.Id));
        Assert.Equal((false, bob.Annotation.Id), (bobAgain.Created, bobAgain.Annotation.Id));
        Assert.Equal(["alice", "bob"], (await ops.HistoryAsync(p.Id, item, Ct)).Select(a => a.Author));
    }

    [Fact]
    public async Task Single_label_rules_unknown_labels_and_bad_probabilities_are_rejected()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var item = (await Seed.ItemsAsync(t, p.Id, 1))[0];
        var ops = t.Get<AnnotationOperations>();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "give exactly one label (got 2)", () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "a", Labels: ["ham", "spam"]), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "give exactly one label (got 0)", () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "a", Labels: []), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Unknown label 'eggs'.", () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "a", Labels: ["eggs"]), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "An annotation needs an author.", () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "", Labels: ["ham"]), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Probability of 'ham' must be between 0 and 1 (got 1.5).", () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "a", Labels: ["ham"], Probabilities: new Dictionary<string, double> { ["ham"] = 1.5 }), Ct));
        Assert.Equal(ErrorKind.NotFound, (await Assert.ThrowsAsync<LabelforgeException>(() => ops.SubmitAsync(p.Id, new NewAnnotation(999, "a", Labels: ["ham"]), Ct))).Kind);
        Assert.Empty(await ops.HistoryAsync(p.Id, item, Ct));
    }

    [Fact]
    public async Task Multi_label_stores_several_labels_and_probabilities_by_name()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("ml", true, "news", "sport", "tech");
        var item = (await Seed.ItemsAsync(t, p.Id, 1))[0];
        var ops = t.Get<AnnotationOperations>();
        var r = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "model:m@1", AnnotationKind.Model, Labels: ["sport", "tech"],
            Confidence: 0.8, Probabilities: new Dictionary<string, double> { ["sport"] = 0.8, ["tech"] = 0.7, ["news"] = 0.1 }), Ct);
        Assert.Equal(["sport", "tech"], r.Annotation.Labels);
        Assert.Equal("model", r.Annotation.Kind);
        Assert.Equal(3, r.Annotation.Probabilities!.Count);
    }
}
