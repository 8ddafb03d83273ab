using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Annotations;

/// <summary>Object submissions in an image-objects project: the stored value, the checks, suggestions and queue items.</summary>
public class ObjectAnnotationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An image item as the image-folder import writes it: 640 x 480 pixels.</summary>
    internal static ImportEntry ImageRow(long line, string path, params ImportedAnnotation[] annotations) =>
        ImportEntry.Ok(new ImportRecord("images", line, path, path,
            JsonSerializer.Serialize(new { image = path, media = "0".PadLeft(64, '0') + ".png", width = 640, height = 480, media_type = "image/png" }),
            annotations));

    internal static async Task<(TestDb Db, Project Project, long Item)> ObjectProjectAsync(params ImportedAnnotation[] annotations)
    {
        var t = await TestDb.CreateAsync();
        var project = await t.Get<ProjectOperations>().CreateAsync(new NewProject("boxes", TaskTypes.ImageObjects, Labels: ["cat", "dog"]), Ct);
        var report = await Seed.ImportAsync(t, project.Id, null, ImageRow(1, "a.png", annotations));
        Assert.Equal(0, report.ErrorCount);
        return (t, project, t.Db.Items.Single().Id);
    }

    private static NewObject Box(double x, double y, double w, double h, string label) => new(new ImageBox(x, y, w, h), null, Label: label);

    [Fact]
    public async Task Boxes_and_polygons_are_stored_in_pixels_with_their_label_rows_and_shown_with_names()
    {
        var (t, p, item) = await ObjectProjectAsync();
        await using var _ = t;
        var result = await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(item, "alice", Objects:
        [
            Box(10, 20, 100.5, 50, "dog"),
            new NewObject(null, [new ImagePoint(0, 0), new ImagePoint(640, 0), new ImagePoint(320, 480)], Label: "cat"),
        ]), Ct);

        var ids = t.Db.Labels.OrderBy(l => l.Id).Select(l => l.Id).ToArray();
        var stored = await t.Db.Annotations.SingleAsync(Ct);
        Assert.Equal($"{{\"objects\":[{{\"label\":{ids[1]},\"box\":[10,20,100.5,50]}},{{\"label\":{ids[0]},\"polygon\":[[0,0],[640,0],[320,480]]}}]}}",
            stored.LabelIdsJson);
        Assert.Equal(ids, t.Db.AnnotationLabels.OrderBy(l => l.LabelId).Select(l => l.LabelId).ToArray());
        var objects = result.Annotation.Objects!;
        Assert.Equal(["dog", "cat"], objects.Select(o => o.Label));
        Assert.Equal([10, 20, 100.5, 50], objects[0].Box!);
        Assert.Equal([[0, 0], [640, 0], [320, 480]], objects[1].Polygon!);
        Assert.Equal(["cat", "dog"], result.Annotation.Labels);
        var history = await t.Get<AnnotationOperations>().HistoryAsync(p.Id, item, Ct);
        Assert.Equal(2, history.Single().Objects!.Count);
        var empty = await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(item, "bob", Objects: []), Ct);
        Assert.Empty(empty.Annotation.Objects!);
    }

    [Theory]
    [InlineData(600, 10, 50, 20, "object 0 (box 600, 10, 50 x 20) lies outside the image, which is 640 x 480 pixels")]
    [InlineData(-1, 10, 50, 20, "object 0 (box -1, 10, 50 x 20) lies outside the image: coordinates start at 0")]
    [InlineData(10, 10, 0, 20, "object 0 (box 10, 10, 0 x 20) has no area: width and height must be positive")]
    [InlineData(10, 10, -5, 20, "has no area")]
    public async Task Boxes_outside_the_image_or_without_area_are_refused_naming_the_object(double x, double y, double w, double h, string message)
    {
        var (t, p, item) = await ObjectProjectAsync();
        await using var _ = t;
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, message, () => t.Get<AnnotationOperations>()
            .SubmitAsync(p.Id, new NewAnnotation(item, "alice", Objects: [Box(x, y, w, h, "cat")]), Ct));
        Assert.Empty(t.Db.Annotations);
    }

    [Fact]
    public async Task Polygons_need_three_points_inside_the_image_and_an_area_and_labels_must_be_live()
    {
        var (t, p, item) = await ObjectProjectAsync();
        await using var _ = t;
        var ops = t.Get<AnnotationOperations>();
        Task Submit(params NewObject[] objects) => ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Objects: objects), Ct);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "object 0 is a polygon of 2 points; a polygon needs at least 3",
            () => Submit(new NewObject(null, [new ImagePoint(0, 0), new ImagePoint(5, 5)], Label: "cat")));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "object 0 (polygon) point 2 (700, 5) lies outside the image",
            () => Submit(new NewObject(null, [new ImagePoint(0, 0), new ImagePoint(5, 5), new ImagePoint(700, 5)], Label: "cat")));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "object 0 is a polygon with no area",
            () => Submit(new NewObject(null, [new ImagePoint(0, 0), new ImagePoint(5, 5), new ImagePoint(10, 10)], Label: "cat")));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "object 0 needs exactly one of 'box'",
            () => Submit(new NewObject(new ImageBox(1, 1, 2, 2), [new ImagePoint(0, 0), new ImagePoint(5, 0), new ImagePoint(5, 5)], Label: "cat")));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Object 0: Unknown label 'bird'.", () => Submit(Box(1, 1, 2, 2, "bird")));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Object 0 needs exactly one of 'label_id' or 'label'.",
            () => Submit(new NewObject(new ImageBox(1, 1, 2, 2), null)));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "is image-objects: give 'objects'",
            () => ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["cat"]), Ct));
        await t.Get<TaxonomyOperations>().DeprecateAsync(p.Id, "dog", "bob", Ct);
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Object 0: Label 'dog' is deprecated", () => Submit(Box(1, 1, 2, 2, "dog")));
        Assert.Empty(t.Db.Annotations);
    }

    [Fact]
    public async Task Imported_objects_are_the_suggestion_and_a_submission_equal_to_them_is_accepted()
    {
        var imported = new ImportedAnnotation(null, AnnotationKind.Import, [])
        {
            Objects = [new ImportedObject("dog", new ImageBox(5, 5, 30, 40), null)],
        };
        var (t, p, item) = await ObjectProjectAsync(imported);
        await using var _ = t;
        var queue = await t.Get<QueueOperations>().NextAsync(p.Id, new QueueRequest("alice", 1), Ct);
        var next = queue.Single();
        Assert.Equal((640, 480), (next.Width, next.Height));
        var suggestion = next.Suggestion!;
        Assert.Equal("dog", suggestion.Objects!.Single().Label);
        Assert.Equal([5, 5, 30, 40], suggestion.Objects!.Single().Box!);

        var ops = t.Get<AnnotationOperations>();
        var accepted = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Objects: [Box(5, 5, 30, 40, "dog")],
            SuggestionAnnotationId: suggestion.AnnotationId), Ct);
        var corrected = await ops.SubmitAsync(p.Id, new NewAnnotation(item, "bob", Objects: [Box(5, 5, 31, 40, "dog")],
            SuggestionAnnotationId: suggestion.AnnotationId), Ct);
        Assert.Equal((SuggestionOutcomes.Accepted, SuggestionOutcomes.Corrected),
            (accepted.Annotation.SuggestionOutcome, corrected.Annotation.SuggestionOutcome));
    }

    [Fact]
    public async Task An_import_refuses_objects_outside_the_image_and_whole_item_labels_in_an_objects_project()
    {
        var t = await TestDb.CreateAsync();
        await using var _ = t;
        var project = await t.Get<ProjectOperations>().CreateAsync(new NewProject("boxes", TaskTypes.ImageObjects, Labels: ["cat"]), Ct);
        var outside = new ImportedAnnotation(null, AnnotationKind.Import, []) { Objects = [new ImportedObject("cat", new ImageBox(600, 0, 100, 10), null)] };
        var report = await Seed.ImportAsync(t, project.Id, null,
            ImageRow(1, "a.png", outside), ImageRow(2, "b.png", new ImportedAnnotation(null, AnnotationKind.Import, ["cat"])), ImageRow(3, "c.png"));

        Assert.Equal((1, 2), (report.Imported, report.ErrorCount));
        Assert.Contains("lies outside the image, which is 640 x 480 pixels", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is image-objects, so annotations need boxes or polygons", report.Errors[1].Message, StringComparison.Ordinal);
    }
}
