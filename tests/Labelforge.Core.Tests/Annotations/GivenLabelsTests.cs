using Labelforge.Core.Annotations;

namespace Labelforge.Core.Tests.Annotations;

public class GivenLabelsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_latest_human_imported_or_reviewed_annotation_per_item_counts_and_model_or_lf_labels_do_not()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 3);
        var ops = t.Get<AnnotationOperations>();
        async Task<long> Add(long item, string author, AnnotationKind kind, string label) =>
            (await ops.SubmitAsync(p.Id, new NewAnnotation(item, author, kind, Labels: [label]), Ct)).Annotation.Id;

        var alice = await Add(ids[0], "alice", AnnotationKind.Human, "ham");
        var review = await Add(ids[0], "rita", AnnotationKind.Review, "spam");
        await Add(ids[0], "model:m@1", AnnotationKind.Model, "ham");          // a model's label is not a given one
        var bob = await Add(ids[1], "bob", AnnotationKind.Human, "spam");
        await Add(ids[2], "lf:rules@1", AnnotationKind.Programmatic, "ham"); // nor is a labeling function's
        var carol = await Add(ids[1], "carol", AnnotationKind.Human, "ham");

        var latest = GivenLabels.Latest(t.Db, p.Id).OrderBy(a => a.ItemId).Select(a => new { a.ItemId, a.Id }).ToList();
        var asOfBob = GivenLabels.Latest(t.Db, p.Id, through: bob).OrderBy(a => a.ItemId).Select(a => new { a.ItemId, a.Id }).ToList();
        var asOfAlice = GivenLabels.Latest(t.Db, p.Id, through: alice).Select(a => a.Id).ToList();

        Assert.Equal([(ids[0], review), (ids[1], carol)], latest.Select(x => (x.ItemId, x.Id)));
        Assert.Equal([(ids[0], review), (ids[1], bob)], asOfBob.Select(x => (x.ItemId, x.Id)));
        Assert.Equal([alice], asOfAlice);
    }
}
