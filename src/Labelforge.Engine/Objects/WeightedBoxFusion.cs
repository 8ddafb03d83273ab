namespace Labelforge.Engine.Objects;

/// <summary>
/// Weighted boxes fusion (Solovyev, Wang and Gabruseva 2021, "Weighted boxes fusion: Ensembling boxes from different
/// object detection models"), used here for consensus boxes of N annotators. All boxes are pooled with confidence
/// c = score · w_k (annotator k's weight) and visited in descending c; each joins the fused cluster of its label whose
/// current fused box overlaps it most with IoU &gt; t (0.55, the paper's default), else starts a cluster. A cluster of
/// T boxes has the fused box X = Σ cᵢ·Xᵢ / Σ cᵢ for each coordinate (left, top, right, bottom) and confidence
/// C = (Σ cᵢ / T) · min(T, N) / N, so a box only some annotators drew scores lower. Unlike non-maximum suppression,
/// every box moves the result, in proportion to its confidence.
/// </summary>
public static class WeightedBoxFusion
{
    public const double DefaultThreshold = 0.55;

    /// <summary>
    /// Fuses the boxes of <paramref name="annotators"/> (one array per annotator; <paramref name="weights"/> null = all 1),
    /// returned in order of creation (descending first confidence).
    /// </summary>
    public static FusedBox[] Fuse(IReadOnlyList<ScoredBox[]> annotators, IReadOnlyList<double>? weights = null, double threshold = DefaultThreshold)
    {
        ArgumentNullException.ThrowIfNull(annotators);
        if (weights is not null && weights.Count != annotators.Count)
            throw new ArgumentException("one weight per annotator", nameof(weights));
        var pooled = new List<ScoredBox>();
        for (var k = 0; k < annotators.Count; k++)
            pooled.AddRange(annotators[k].Select(b => b with { Score = b.Score * (weights?[k] ?? 1) }));
        // A stable sort keeps equal confidences in annotator order, so the result does not depend on sort internals.
        var ordered = pooled.Select((box, index) => (box, index)).OrderByDescending(p => p.box.Score).ThenBy(p => p.index).Select(p => p.box);
        var clusters = new List<List<ScoredBox>>();
        var fused = new List<Box>();
        foreach (var box in ordered)
        {
            var best = BestCluster(box, clusters, fused, threshold);
            if (best < 0)
            {
                clusters.Add([box]);
                fused.Add(box.Box);
                continue;
            }
            clusters[best].Add(box);
            fused[best] = Average(clusters[best]);
        }
        var n = Math.Max(1, annotators.Count);
        return [.. clusters.Select((c, i) => new FusedBox(fused[i], c[0].Label, c.Sum(b => b.Score) / c.Count * Math.Min(c.Count, n) / n, c.Count))];
    }

    /// <summary>The confidence-weighted mean of each coordinate of <paramref name="boxes"/>: X = Σ cᵢ·Xᵢ / Σ cᵢ.</summary>
    public static Box Average(IReadOnlyList<ScoredBox> boxes)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        double total = 0, left = 0, top = 0, right = 0, bottom = 0;
        foreach (var (box, _, score) in boxes)
        {
            total += score;
            (left, top, right, bottom) = (left + (score * box.Left), top + (score * box.Top), right + (score * box.Right), bottom + (score * box.Bottom));
        }
        if (total <= 0)
            throw new ArgumentException("confidences must be positive", nameof(boxes));
        return new Box(left / total, top / total, right / total, bottom / total);
    }

    private static int BestCluster(ScoredBox box, List<List<ScoredBox>> clusters, List<Box> fused, double threshold)
    {
        var (best, bestIoU) = (-1, threshold);
        for (var i = 0; i < clusters.Count; i++)
        {
            if (clusters[i][0].Label != box.Label)
                continue;
            var iou = BoxIoU.Of(fused[i], box.Box);
            if (iou > bestIoU)
                (best, bestIoU) = (i, iou);
        }
        return best;
    }
}
