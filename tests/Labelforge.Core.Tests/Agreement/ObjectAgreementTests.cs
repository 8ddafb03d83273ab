using Labelforge.Core.Agreement;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Consensus;
using Labelforge.Core.Projects;
using Labelforge.Core.Tests.Annotations;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Agreement;

/// <summary>Box agreement and box consensus over the people's current annotations of an image-objects project.</summary>
public class ObjectAgreementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NewObject Box(double x, double y, double w, double h, string label) => new(new ImageBox(x, y, w, h), null, Label: label);

    /// <summary>Two images; alice, bob and carol box the same cat on image 1 (bob's shifted by 10 px, carol also marks a dog nobody else saw); on image 2 only alice answers.</summary>
    private static async Task<(TestDb Db, Project Project, long[] Items)> AnnotatedAsync()
    {
        var t = await TestDb.CreateAsync();
        var project = await t.Get<ProjectOperations>().CreateAsync(new NewProject("boxes", TaskTypes.ImageObjects, Labels: ["cat", "dog"]), Ct);
        await Seed.ImportAsync(t, project.Id, null, ObjectAnnotationTests.ImageRow(1, "a.png"), ObjectAnnotationTests.ImageRow(2, "b.png"));
        var items = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var ops = t.Get<AnnotationOperations>();
        await ops.SubmitAsync(project.Id, new NewAnnotation(items[0], "alice", Objects: [Box(100, 100, 100, 100, "cat")]), Ct);
        await ops.SubmitAsync(project.Id, new NewAnnotation(items[0], "bob", Objects: [Box(110, 100, 100, 100, "cat")]), Ct);
        await ops.SubmitAsync(project.Id, new NewAnnotation(items[0], "carol", Objects:
            [Box(100, 100, 100, 100, "cat"), Box(400, 300, 50, 50, "dog"),
             new NewObject(null, [new ImagePoint(0, 0), new ImagePoint(10, 0), new ImagePoint(0, 10)], Label: "dog")]), Ct);
        await ops.SubmitAsync(project.Id, new NewAnnotation(items[1], "alice", Objects: [Box(1, 1, 5, 5, "cat")]), Ct);
        return (t, project, items);
    }

    [Fact]
    public async Task Pairs_are_matched_by_IoU_within_a_label_and_pooled_into_F1_and_mean_IoU()
    {
        var (t, p, _) = await AnnotatedAsync();
        await using var _ = t;
        var report = await t.Get<ObjectAgreementOperations>().ComputeAsync(p.Id, Ct);

        Assert.Equal((1, 3L, 1), (report.Items, report.ComparedPairs, report.Polygons));
        Assert.Equal(["alice", "bob", "carol"], report.Annotators);
        // IoU of two 100 x 100 boxes 10 px apart: 90·100 / (2·10000 − 9000) = 9/11.
        var cat = report.PerLabel.Single(l => l.Label == "cat");
        Assert.Equal((6L, 3L, 1.0), (cat.Boxes, cat.Matches, cat.F1));
        Assert.Equal(Math.Round((9.0 / 11 + 9.0 / 11 + 1) / 3, 6), cat.MeanIoU);
        var dog = report.PerLabel.Single(l => l.Label == "dog");
        // Carol's dog box and dog polygon, against nobody's dogs in two pairs.
        Assert.Equal((4L, 0L, 0.0, (double?)null), (dog.Boxes, dog.Matches, dog.F1, dog.MeanIoU));
        // Overall: 10 objects over the three pairs (1+1, 1+3, 1+3), 3 matches: F1 = 6/10.
        Assert.Equal((10L, 3L, 0.6), (report.Overall.Boxes, report.Overall.Matches, report.Overall.F1));
        var pair = report.Pairs.Single(x => x.A == "alice" && x.B == "carol");
        Assert.Equal((1, 4L, 1L, 0.5, 1.0), (pair.Items, pair.Boxes, pair.Matches, pair.F1, pair.MeanIoU));
    }

    [Fact]
    public async Task Consensus_fuses_the_boxes_most_annotators_drew_and_stores_them_as_consensus_annotations()
    {
        var (t, p, items) = await AnnotatedAsync();
        await using var _ = t;
        var consensus = t.Get<ObjectConsensusOperations>();
        var first = await consensus.RunAsync(p.Id, new ObjectConsensusRequest(), Ct);

        Assert.Equal(("consensus:wbf@1", 1, 1, 0, 0), (first.Author, first.Items, first.Boxes, first.EmptyItems, first.Polygons));
        var stored = await t.Db.Annotations.SingleAsync(a => a.Author == first.Author, Ct);
        Assert.Equal((items[0], "consensus"), (stored.ItemId, stored.Kind));
        var box = ((ObjectsValue)AnnotationValueJson.Read(stored.LabelIdsJson, AnnotationValueKind.Objects)).Objects.Single();
        // Three cats with equal weight: x = (100 + 110 + 100) / 3; the dog only one of three drew is left out.
        Assert.Equal(new ImageBox(103.33, 100, 100, 100), box.Box);
        Assert.Equal(t.Db.Labels.Single(l => l.Name == "cat").Id, box.LabelId);

        var second = await consensus.RunAsync(p.Id, new ObjectConsensusRequest(MinAnnotators: 1, MinScore: 0.3), Ct);
        // With a third of the annotators enough, carol's dog box and her dog polygon (a cluster of one each) are kept too.
        Assert.Equal(("consensus:wbf@2", 2, 3, 1), (second.Author, second.Items, second.Boxes, second.Polygons));
        // Consensus annotations are no person's: agreement still compares the three people only.
        Assert.Equal(3, (await t.Get<ObjectAgreementOperations>().ComputeAsync(p.Id, Ct)).Annotators.Count);
    }

    /// <summary>Two triangles halving one square share the bounding box but no area: they do not match, the same triangle does.</summary>
    [Fact]
    public async Task Polygons_are_matched_and_fused_by_their_own_outline()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("shapes", TaskTypes.ImageObjects, Labels: ["leaf"]), Ct);
        await Seed.ImportAsync(t, p.Id, null, ObjectAnnotationTests.ImageRow(1, "a.png"));
        var item = t.Db.Items.Single().Id;
        ImagePoint[] lower = [new(0, 0), new(40, 40), new(0, 40)];
        ImagePoint[] upper = [new(0, 0), new(40, 0), new(40, 40)];
        var ops = t.Get<AnnotationOperations>();
        await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Objects: [new NewObject(null, lower, Label: "leaf")]), Ct);
        await ops.SubmitAsync(p.Id, new NewAnnotation(item, "bob", Objects: [new NewObject(null, upper, Label: "leaf")]), Ct);
        await ops.SubmitAsync(p.Id, new NewAnnotation(item, "carol", Objects: [new NewObject(null, lower, Label: "leaf")]), Ct);

        var report = await t.Get<ObjectAgreementOperations>().ComputeAsync(p.Id, Ct);
        Assert.Equal((3, 6L, 1L), (report.Polygons, report.Overall.Boxes, report.Overall.Matches));
        Assert.Equal([0.0, 1.0, 0.0], report.Pairs.Select(x => x.F1!.Value));

        var result = await t.Get<ObjectConsensusOperations>().RunAsync(p.Id, new ObjectConsensusRequest(), Ct);
        Assert.Equal((1, 0, 1), (result.Items, result.Boxes, result.Polygons));
        var stored = await t.Db.Annotations.SingleAsync(a => a.Author == result.Author, Ct);
        Assert.Equal(lower, ((ObjectsValue)AnnotationValueJson.Read(stored.LabelIdsJson, AnnotationValueKind.Objects)).Objects.Single().Polygon);
    }

    [Fact]
    public async Task Other_projects_and_bad_settings_are_refused()
    {
        var (t, p, _) = await AnnotatedAsync();
        await using var _ = t;
        var text = await t.Get<ProjectOperations>().CreateAsync(new NewProject("text", TaskTypes.TextClassification, Labels: ["a", "b"]), Ct);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Project 'text' is text-classification; box agreement needs an image-objects project.",
            () => t.Get<ObjectAgreementOperations>().ComputeAsync(text.Id, Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "min_score must be between 0 and 1 (got 2).",
            () => t.Get<ObjectConsensusOperations>().RunAsync(p.Id, new ObjectConsensusRequest(MinScore: 2), Ct));
    }
}
