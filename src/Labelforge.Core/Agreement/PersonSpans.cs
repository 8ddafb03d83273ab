using Labelforge.Core.Annotations;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Spans;

namespace Labelforge.Core.Agreement;

/// <summary>
/// The spans each person gave each item of a text-spans project, as span agreement and span consensus read them:
/// the current annotations of <see cref="PersonAnnotations"/>, items in id order.
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
        var (project, resolver, rows, annotators, annotatorIndex, labels, labelIndex) =
            await PersonAnnotations.LoadAsync(projects, taxonomy, annotations, projectId, AnnotationValueKind.Spans, refusal, ct);
        var itemIds = new List<long>();
        var items = new List<IReadOnlyList<LabeledRange>?[]>();
        foreach (var g in rows.GroupBy(r => r.ItemId))
        {
            var answers = new IReadOnlyList<LabeledRange>?[annotators.Length];
            foreach (var r in g)
            {
                answers[annotatorIndex[r.Author]] = [.. AnnotationValueJson.ReadSpans(r.ValueJson)
                    .Select(s => new LabeledRange(s.Start, s.End, labelIndex[resolver.Resolve(s.LabelId)]))];
            }
            itemIds.Add(g.Key);
            items.Add(answers);
        }
        return new PersonSpans(annotators, labels, itemIds, items, project, resolver);
    }
}
