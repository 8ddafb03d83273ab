using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Spans;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Agreement;

/// <summary>
/// The spans each person gave each item of a text-spans project, as span agreement and span consensus read them:
/// every author's current annotation of a kind a person decides (<see cref="AnnotationKinds.ByPerson"/>), labels
/// resolved through merges and numbered (<see cref="LabelIds"/>), annotators in ordinal order, items in id order.
/// </summary>
internal sealed record PersonSpans(
    IReadOnlyList<string> Annotators,
    IReadOnlyList<long> LabelIds,
    IReadOnlyList<long> ItemIds,
    IReadOnlyList<IReadOnlyList<LabeledRange>?[]> Items,
    Project Project,
    LabelResolver Resolver)
{
    public static async Task<PersonSpans> LoadAsync(ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations,
        long projectId, string refusal, CancellationToken ct)
    {
        var project = await projects.GetAsync(projectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != AnnotationValueKind.Spans)
            throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}; {refusal}");
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
        var itemIds = new List<long>();
        var items = new List<IReadOnlyList<LabeledRange>?[]>();
        foreach (var g in rows.GroupBy(r => r.ItemId))
        {
            var answers = new IReadOnlyList<LabeledRange>?[annotators.Length];
            foreach (var r in g)
            {
                answers[annotatorIndex[r.Author]] = [.. AnnotationValueJson.ReadSpans(r.LabelIdsJson)
                    .Select(s => new LabeledRange(s.Start, s.End, labelIndex[resolver.Resolve(s.LabelId)]))];
            }
            itemIds.Add(g.Key);
            items.Add(answers);
        }
        return new PersonSpans(annotators, labels, itemIds, items, project, resolver);
    }
}
