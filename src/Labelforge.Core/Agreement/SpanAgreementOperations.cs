using Labelforge.Core.Annotations;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Spans;

namespace Labelforge.Core.Agreement;

/// <summary>
/// Span agreement of a project's annotators: each person's current annotation per item (<see cref="PersonSpans"/>),
/// fed to <see cref="SpanAgreement"/>.
/// </summary>
public sealed class SpanAgreementOperations(ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations)
{
    public async Task<SpanAgreementReport> ComputeAsync(long projectId, CancellationToken ct = default)
    {
        var data = await PersonSpans.LoadAsync(projects, taxonomy, annotations, projectId,
            "span agreement needs a text-spans project (measure classification agreement on an answers file with --input).", ct);
        var (items, labels, resolver) = (data.Items, data.LabelIds, data.Resolver);
        var result = SpanAgreement.Compute(items, labels.Count);
        var perLabel = result.PerLabel.Where(l => l.Spans > 0)
            .Select(l => View(resolver.Lookup.ReferenceOf(labels[l.Label]), l)).ToList();
        return new SpanAgreementReport(items.Count(i => i.Count(a => a is not null) >= 2), data.Annotators, result.ComparedPairs, View(null, result.Overall), perLabel);
    }

    private static SpanLabelAgreement View(string? label, SpanF1 f1) =>
        new(label, f1.Spans, f1.ExactMatches, f1.PartialMatches, Finite(f1.ExactF1), Finite(f1.PartialF1));

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
