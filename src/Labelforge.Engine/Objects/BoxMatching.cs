namespace Labelforge.Engine.Objects;

/// <summary>
/// One-to-one matching of two annotators' boxes on one image. A pair is eligible when both boxes have the same label
/// and IoU ≥ t (0.5 by default, the PASCAL VOC criterion); among eligible pairs the matching maximises first the
/// number of matched pairs and then their total IoU, i.e. the assignment maximising Σ (1 + IoU) over eligible pairs,
/// solved exactly by <see cref="HungarianAssignment"/>.
/// Why Hungarian and not greedy: COCO's evaluation matches detections greedily in order of their scores, but human
/// boxes have no scores, and greedy by IoU depends on ties and can lose a match (IoU rows [0.9, 0.8] and [0.8, 0.1]
/// at t = 0.5: greedy takes the 0.9 pair and leaves the second box unmatched, the optimum matches both, 0.8 + 0.8),
/// which would make agreement depend on which annotator is "first". At tens of boxes per image the O(n³) cost is
/// negligible. Boxes and polygons match by <see cref="ShapeIoU"/> (<see cref="MatchShapes"/>).
/// </summary>
public static class BoxMatching
{
    public const double DefaultThreshold = 0.5;

    /// <summary>The matched pairs, ordered by <see cref="BoxMatch.IndexA"/>.</summary>
    public static BoxMatch[] Match(ReadOnlySpan<Box> a, ReadOnlySpan<int> labelsA, ReadOnlySpan<Box> b, ReadOnlySpan<int> labelsB,
        double threshold = DefaultThreshold)
    {
        Check(a.Length, labelsA, b.Length, labelsB, threshold);
        return a.Length == 0 || b.Length == 0 ? [] : Match(BoxIoU.Matrix(a, b), labelsA, labelsB, threshold);
    }

    /// <summary>The same matching over boxes and polygons, by <see cref="ShapeIoU"/>.</summary>
    public static BoxMatch[] MatchShapes(ReadOnlySpan<Shape> a, ReadOnlySpan<int> labelsA, ReadOnlySpan<Shape> b, ReadOnlySpan<int> labelsB,
        double threshold = DefaultThreshold)
    {
        Check(a.Length, labelsA, b.Length, labelsB, threshold);
        return a.Length == 0 || b.Length == 0 ? [] : Match(ShapeIoU.Matrix(a, b), labelsA, labelsB, threshold);
    }

    private static void Check(int a, ReadOnlySpan<int> labelsA, int b, ReadOnlySpan<int> labelsB, double threshold)
    {
        if (labelsA.Length != a || labelsB.Length != b)
            throw new ArgumentException("every box needs a label");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threshold, 1);
    }

    private static BoxMatch[] Match(double[,] iou, ReadOnlySpan<int> labelsA, ReadOnlySpan<int> labelsB, double threshold)
    {
        var cost = new double[labelsA.Length, labelsB.Length];
        for (var i = 0; i < labelsA.Length; i++)
        {
            for (var j = 0; j < labelsB.Length; j++)
                cost[i, j] = Eligible(iou[i, j], labelsA[i], labelsB[j], threshold) ? -(1 + iou[i, j]) : 0;
        }
        var assigned = HungarianAssignment.Minimize(cost);
        var matches = new List<BoxMatch>(Math.Min(labelsA.Length, labelsB.Length));
        for (var i = 0; i < labelsA.Length; i++)
        {
            var j = assigned[i];
            if (j >= 0 && Eligible(iou[i, j], labelsA[i], labelsB[j], threshold))
                matches.Add(new BoxMatch(i, j, iou[i, j]));
        }
        return [.. matches];
    }

    private static bool Eligible(double iou, int labelA, int labelB, double threshold) => labelA == labelB && iou >= threshold;
}
