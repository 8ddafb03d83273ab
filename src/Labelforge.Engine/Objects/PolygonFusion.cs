namespace Labelforge.Engine.Objects;

/// <summary>
/// Consensus polygons of N annotators, the polygon counterpart of <see cref="WeightedBoxFusion"/>: polygons are pooled,
/// visited in descending confidence, and each joins the cluster of its label whose first (most confident) polygon it
/// overlaps most with IoU &gt; t (<see cref="PolygonIoU"/>, t = 0.55 as for boxes), else starts one. Averaging
/// coordinates needs corresponding vertices, which two people's outlines do not have, so a cluster's consensus is its
/// medoid: the member with the largest total IoU with the others (ties: the earlier visited), the outline the
/// annotators agree with most. Its confidence is WBF's, C = (Σ cᵢ / T) · min(T, N) / N.
/// </summary>
public static class PolygonFusion
{
    public static FusedPolygon[] Fuse(IReadOnlyList<ScoredPolygon[]> annotators, double threshold = WeightedBoxFusion.DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        var ordered = annotators.SelectMany(a => a).Select((p, index) => (p, index))
            .OrderByDescending(x => x.p.Score).ThenBy(x => x.index).Select(x => x.p).ToArray();
        var clusters = new List<List<ScoredPolygon>>();
        foreach (var polygon in ordered)
        {
            var (best, bestIoU) = (-1, threshold);
            for (var c = 0; c < clusters.Count; c++)
            {
                if (clusters[c][0].Label != polygon.Label)
                    continue;
                var iou = PolygonIoU.Of(clusters[c][0].Vertices, polygon.Vertices);
                if (iou > bestIoU)
                    (best, bestIoU) = (c, iou);
            }
            if (best < 0)
                clusters.Add([polygon]);
            else
                clusters[best].Add(polygon);
        }
        var n = Math.Max(1, annotators.Count);
        return [.. clusters.Select(c => new FusedPolygon(Medoid(c).Vertices, c[0].Label, c.Sum(p => p.Score) / c.Count * Math.Min(c.Count, n) / n, c.Count))];
    }

    private static ScoredPolygon Medoid(List<ScoredPolygon> cluster)
    {
        var (best, bestTotal) = (0, double.NegativeInfinity);
        for (var i = 0; i < cluster.Count; i++)
        {
            var total = 0.0;
            for (var j = 0; j < cluster.Count; j++)
                total += i == j ? 0 : PolygonIoU.Of(cluster[i].Vertices, cluster[j].Vertices);
            if (total > bestTotal)
                (best, bestTotal) = (i, total);
        }
        return cluster[best];
    }
}
