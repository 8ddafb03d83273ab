using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.LabelErrors;

namespace Labelforge.Core.Tests.LabelErrors;

public class LabelReviewOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fixing_a_label_adds_a_review_that_supersedes_it_and_keeping_repeats_it()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var ops = t.Get<AnnotationOperations>();
        var wrong = (await ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Labels: ["ham"]), Ct)).Annotation;
        var right = (await ops.SubmitAsync(p.Id, new NewAnnotation(items[1], "alice", Labels: ["spam"]), Ct)).Annotation;
        var spam = right.LabelIds.Single();
        var reviews = t.Get<LabelReviewOperations>();

        var fix = await reviews.ReviewAsync(p.Id, new LabelReview(items[0], wrong.Id, "rita", [spam], "fix-1"), Ct);
        var keep = await reviews.ReviewAsync(p.Id, new LabelReview(items[1], right.Id, "rita"), Ct);

        Assert.Equal(LabelReviewOperations.Fixed, fix.Decision);
        Assert.Equal(("rita", "review", wrong.Id, "spam"), (fix.Annotation.Author, fix.Annotation.Kind, fix.Annotation.SupersedesId, fix.Annotation.Labels.Single()));
        Assert.Equal(LabelReviewOperations.Kept, keep.Decision);
        Assert.Equal((right.Id, "spam"), (keep.Annotation.SupersedesId, keep.Annotation.Labels.Single()));
        Assert.Equal(["ham", "spam"], (await ops.HistoryAsync(p.Id, items[0], Ct)).Select(a => a.Labels.Single()));
        var retry = await reviews.ReviewAsync(p.Id, new LabelReview(items[0], wrong.Id, "rita", [spam], "fix-1"), Ct);
        Assert.False(retry.Created);
        Assert.Equal(fix.Annotation.Id, retry.Annotation.Id);
    }

    [Fact]
    public async Task A_label_changed_since_the_list_was_made_is_a_conflict_and_only_given_labels_are_reviewed()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var item = (await Seed.ItemsAsync(t, p.Id, 1))[0];
        var ops = t.Get<AnnotationOperations>();
        var first = (await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["ham"]), Ct)).Annotation;
        await ops.SubmitAsync(p.Id, new NewAnnotation(item, "bob", Labels: ["spam"]), Ct);
        var model = (await ops.SubmitAsync(p.Id, new NewAnnotation(item, "model:m@1", AnnotationKind.Model, Labels: ["spam"]), Ct)).Annotation;
        var reviews = t.Get<LabelReviewOperations>();

        var stale = await Assert.ThrowsAsync<LabelforgeException>(() => reviews.ReviewAsync(p.Id, new LabelReview(item, first.Id, "rita"), Ct));
        var notGiven = await Assert.ThrowsAsync<LabelforgeException>(() => reviews.ReviewAsync(p.Id, new LabelReview(item, model.Id, "rita"), Ct));

        Assert.Equal(ErrorKind.Conflict, stale.Kind);
        Assert.Equal(ErrorKind.Invalid, notGiven.Kind);
    }
}
