using Labelforge.Core.Annotations;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.Objects;

namespace Labelforge.Core.Agreement;

/// <summary>
/// Box agreement of an image-objects project's annotators: on every image two or more people annotated, each pair's
/// boxes and polygons are matched one to one by IoU within a label (<see cref="BoxMatching"/>, IoU ≥ 0.5; a polygon by
/// its own area, <see cref="ShapeIoU"/>) and counted
/// (<see cref="BoxAgreement"/>); counts pool over images into F1 at IoU 0.5 and the mean IoU of matched pairs, overall,
/// per label and per annotator pair.
/// </summary>
public sealed class ObjectAgreementOperations(ProjectOperations projects, TaxonomyOperations taxonomy, AnnotationOperations annotations)
{
    public async Task<ObjectAgreementReport> ComputeAsync(long projectId, CancellationToken ct = default)
    {
        var data = await PersonObjects.LoadAsync(projects, taxonomy, annotations, projectId, "box agreement", ct);
        var n = data.Annotators.Count;
        var overall = new List<BoxAgreementResult>();
        var perLabel = data.LabelIds.Select(_ => new List<BoxAgreementResult>()).ToArray();
        var perPair = new Dictionary<(int, int), List<BoxAgreementResult>>();
        var compared = 0L;
        var items = 0;
        foreach (var (_, answers) in data.Items)
        {
            if (answers.Count(a => a is not null) < 2)
                continue;
            items++;
            for (var a = 0; a < n; a++)
            {
                for (var b = a + 1; b < n; b++)
                {
                    if (answers[a] is not { } x || answers[b] is not { } y)
                        continue;
                    compared++;
                    var result = BoxAgreement.CompareShapes(x.Boxes, x.Labels, y.Boxes, y.Labels);
                    overall.Add(result);
                    if (!perPair.TryGetValue((a, b), out var pair))
                        perPair[(a, b)] = pair = [];
                    pair.Add(result);
                    for (var l = 0; l < perLabel.Length; l++)
                        perLabel[l].Add(OfLabel(x, y, l));
                }
            }
        }
        var labels = perLabel.Select((results, l) => View(data.Resolver.Lookup.ReferenceOf(data.LabelIds[l]), BoxAgreementResult.Pool(results)))
            .Where(v => v.Boxes > 0).ToList();
        var pairs = perPair.OrderBy(p => p.Key).Select(p =>
        {
            var pooled = BoxAgreementResult.Pool(p.Value);
            return new BoxPairAgreement(data.Annotators[p.Key.Item1], data.Annotators[p.Key.Item2], p.Value.Count,
                pooled.CountA + pooled.CountB, pooled.TruePositives, Finite(pooled.F1), Finite(pooled.MeanIoU));
        }).ToList();
        return new ObjectAgreementReport(items, data.Annotators, compared, View(null, BoxAgreementResult.Pool(overall)), labels, pairs, data.Polygons);
    }

    private static BoxAgreementResult OfLabel(PersonBoxes x, PersonBoxes y, int label)
    {
        var (bx, lx) = Only(x, label);
        var (by, ly) = Only(y, label);
        return BoxAgreement.CompareShapes(bx, lx, by, ly);
    }

    private static (Shape[], int[]) Only(PersonBoxes p, int label)
    {
        var keep = Enumerable.Range(0, p.Boxes.Length).Where(i => p.Labels[i] == label).ToArray();
        return ([.. keep.Select(i => p.Boxes[i])], [.. keep.Select(i => p.Labels[i])]);
    }

    /// <summary>A pooled count as the report shows it; a label nobody drew has no F1 (null) rather than the "both empty" 1.</summary>
    private static BoxLabelAgreement View(string? label, BoxAgreementResult pooled) =>
        new(label, pooled.CountA + pooled.CountB, pooled.TruePositives, pooled.CountA + pooled.CountB == 0 ? null : Finite(pooled.F1), Finite(pooled.MeanIoU));

    private static double? Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
