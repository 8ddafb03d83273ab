using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Spans;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Agreement;

/// <summary>
/// Span agreement of a project's annotators: each person's current annotation per item (kinds a person decides,
/// <see cref="AnnotationKinds.ByPerson"/>), labels resolved through merges, fed to <see cref="SpanAgreement"/>.
/// </summary>
public sealed class SpanAgreementOperations(ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations)
{
    public async Task<SpanAgreementReport> ComputeAsync(long projectId, CancellationToken ct = default)
    {
        var project = await projects.GetAsync(projectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != AnnotationValueKind.Spans)
            throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}; span agreement needs a text-spans project (measure classification agreement on an answers file with --input).");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var byPerson = AnnotationKinds.ByPerson;
        var rows = await annotations.Current(projectId).AsNoTracking()
            .Where(a => byPerson.Contains(a.Kind))
            .Select(a => new { a.ItemId, a.Author, a.LabelIdsJson }).ToListAsync(ct);
        var annotators = rows.Select(r => r.Author).Distinct().Order(StringComparer.Ordinal).ToArray();
        var annotatorIndex = annotators.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        var labels = resolver.All.Select(l => resolver.Resolve(l.Id)).Distinct().Order().ToArray();
        var labelIndex = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i);
        var items = rows.GroupBy(r => r.ItemId).Select(g =>
        {
            var answers = new IReadOnlyList<LabeledRange>?[annotators.Length];
            foreach (var r in g)
            {
                answers[annotatorIndex[r.Author]] = [.. AnnotationValueJson.ReadSpans(r.LabelIdsJson)
                    .Select(s => new LabeledRange(s.Start, s.End, labelIndex[resolver.Resolve(s.LabelId)]))];
            }
            return answers;
        }).ToList();
        var result = SpanAgreement.Compute(items, labels.Length);
        var perLabel = result.PerLabel.Where(l => l.Spans > 0)
            .Select(l => View(resolver.Lookup.ReferenceOf(labels[l.Label]), l)).ToList();
        return new SpanAgreementReport(items.Count(i => i.Count(a => a is not null) >= 2), annotators, result.ComparedPairs, View(null, result.Overall), perLabel);
    }

    private static SpanLabelAgreement View(string? label, SpanF1 f1) =>
        new(label, f1.Spans, f1.ExactMatches, f1.PartialMatches, Finite(f1.ExactF1), Finite(f1.PartialF1));

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
