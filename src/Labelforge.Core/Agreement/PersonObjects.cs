using Labelforge.Core.Annotations;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Objects;

namespace Labelforge.Core.Agreement;

/// <summary>
/// The objects each person gave each image of an image-objects project, as box agreement and box consensus read them:
/// the current annotations of <see cref="PersonAnnotations"/>. Boxes and polygons are
/// both <see cref="Shape"/>s, matched by their own IoU (<see cref="ShapeIoU"/>); <see cref="Polygons"/> counts the polygons.
/// </summary>
internal sealed record PersonObjects(
    IReadOnlyList<string> Annotators,
    IReadOnlyList<long> LabelIds,
    IReadOnlyList<(long ItemId, PersonBoxes?[] ByAnnotator)> Items,
    int Polygons,
    Project Project,
    LabelResolver Resolver)
{
    public static async Task<PersonObjects> LoadAsync(ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations,
        long projectId, string feature, CancellationToken ct)
    {
        var (project, resolver, rows, annotators, annotatorIndex, labels, labelIndex) = await PersonAnnotations.LoadAsync(
            projects, taxonomy, annotations, projectId, AnnotationValueKind.Objects, $"{feature} needs an image-objects project.", ct);
        var polygons = 0;
        var items = new List<(long, PersonBoxes?[])>();
        foreach (var g in rows.GroupBy(r => r.ItemId))
        {
            var answers = new PersonBoxes?[annotators.Length];
            foreach (var r in g)
            {
                var objects = ((ObjectsValue)AnnotationValueJson.Read(r.ValueJson, AnnotationValueKind.Objects)).Objects;
                polygons += objects.Count(o => o.Box is null);
                answers[annotatorIndex[r.Author]] = new PersonBoxes(
                    [.. objects.Select(ShapeOf)],
                    [.. objects.Select(o => labelIndex[resolver.Resolve(o.LabelId)])]);
            }
            items.Add((g.Key, answers));
        }
        return new PersonObjects(annotators, labels, items, polygons, project, resolver);
    }

    private static Shape ShapeOf(ImageObject o) => o.Box is { } b
        ? Shape.FromBox(Box.FromXywh(b.X, b.Y, b.Width, b.Height))
        : Shape.FromPolygon([.. o.Polygon!.SelectMany(p => new[] { p.X, p.Y })]);
}

/// <summary>One person's objects (boxes and polygons) on one image and the label index of each.</summary>
internal sealed record PersonBoxes(Shape[] Boxes, int[] Labels);
