using Labelforge.Core.Annotations;
using Labelforge.Core.Counts;
using Labelforge.Core.Projects;
using Labelforge.Core.Tests.Annotations;

namespace Labelforge.Core.Tests.Counts;

/// <summary>Items per label in projects whose annotations are spans or objects: an item counts once under each label its current given annotation uses.</summary>
public class StructuredLabelCountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, long> PerLabel(CountsView counts) => counts.Labels.ToDictionary(l => l.Name, l => l.Items);

    [Fact]
    public async Task Span_annotations_count_each_item_under_the_labels_of_its_spans()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("ner", TaskTypes.TextSpans, Labels: ["person", "location"]), Ct);
        await Seed.ImportAsync(t, p.Id, null, Seed.Row(1, "Ada met Bob in Paris", "a"), Seed.Row(2, "Bob stayed home", "b"));
        var items = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var ops = t.Get<AnnotationOperations>();
        await ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Spans: [new(0, 3, Label: "person"), new(8, 11, Label: "person"), new(15, 20, Label: "location")]), Ct);
        await ops.SubmitAsync(p.Id, new NewAnnotation(items[1], "alice", Spans: [new(0, 3, Label: "person")]), Ct);
        // A suggestion is no given label and does not count.
        await ops.SubmitAsync(p.Id, new NewAnnotation(items[1], "lf:ner@1", AnnotationKind.Programmatic, Spans: [new(11, 15, Label: "location")]), Ct);
        Assert.Equal(new Dictionary<string, long> { ["person"] = 2, ["location"] = 1 }, PerLabel(await t.Get<CountsOperations>().ReadAsync(p.Id, Ct)));

        // Bob's later answer on item a replaces alice's as its current given one: no location any more.
        await ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "bob", Spans: [new(0, 3, Label: "person")]), Ct);
        Assert.Equal(new Dictionary<string, long> { ["person"] = 2, ["location"] = 0 }, PerLabel(await t.Get<CountsOperations>().ReadAsync(p.Id, Ct)));
    }

    [Fact]
    public async Task Object_annotations_count_boxes_and_polygons_labels()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("pets", TaskTypes.ImageObjects, Labels: ["cat", "dog"]), Ct);
        await Seed.ImportAsync(t, p.Id, null, ObjectAnnotationTests.ImageRow(1, "a.png"), ObjectAnnotationTests.ImageRow(2, "b.png"));
        var items = t.Db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var ops = t.Get<AnnotationOperations>();
        await ops.SubmitAsync(p.Id, new NewAnnotation(items[0], "alice", Objects:
            [new NewObject(new ImageBox(1, 1, 10, 10), null, Label: "cat"), new NewObject(null, [new(0, 0), new(9, 0), new(0, 9)], Label: "dog")]), Ct);
        await ops.SubmitAsync(p.Id, new NewAnnotation(items[1], "alice", Objects: [new NewObject(new ImageBox(2, 2, 5, 5), null, Label: "cat")]), Ct);
        Assert.Equal(new Dictionary<string, long> { ["cat"] = 2, ["dog"] = 1 }, PerLabel(await t.Get<CountsOperations>().ReadAsync(p.Id, Ct)));
    }
}
