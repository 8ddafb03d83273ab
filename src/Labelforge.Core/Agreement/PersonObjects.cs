using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Objects;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Agreement;

/// <summary>
/// The objects each person gave each image of an image-objects project, as box agreement and box consensus read them:
/// every author's current annotation of a kind a person decides (<see cref="AnnotationKinds.ByPerson"/>), labels
/// resolved through merges and numbered (<see cref="LabelIds"/>), annotators in ordinal order. Boxes and polygons are
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
        var project = await projects.GetAsync(projectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != AnnotationValueKind.Objects)
            throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}; {feature} needs an image-objects project.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var byPerson = AnnotationKinds.ByPerson;
        var rows = await annotations.Current(projectId).AsNoTracking()
            .Where(a => byPerson.Contains(a.Kind))
            .OrderBy(a => a.ItemId)
            .Select(a => new { a.ItemId, a.Author, a.LabelIdsJson }).ToListAsync(ct);
        var annotators = rows.Select(r => r.Author).Distinct().Order(StringComparer.Ordinal).ToArray();
        var annotatorIndex = annotators.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        var labels = resolver.All.Select(l => resolver.Resolve(l.Id)).Distinct().Order().ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        var polygons = 0;
        var items = new List<(long, PersonBoxes?[])>();
        foreach (var g in rows.GroupBy(r => r.ItemId))
        {
            var answers = new PersonBoxes?[annotators.Length];
            foreach (var r in g)
            {
                var objects = ((ObjectsValue)AnnotationValueJson.Read(r.LabelIdsJson, AnnotationValueKind.Objects)).Objects;
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
