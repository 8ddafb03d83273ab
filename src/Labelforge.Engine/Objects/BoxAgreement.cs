namespace Labelforge.Engine.Objects;

/// <summary>
/// Box agreement between two annotators on one image: the <see cref="BoxMatching"/> pairs at IoU ≥ t (0.5 by
/// default), then precision, recall and F1 of B against A and the mean IoU of the matched pairs
/// (<see cref="BoxAgreementResult"/>). F1 is symmetric in A and B; precision and recall swap when they do.
/// </summary>
public static class BoxAgreement
{
    public static BoxAgreementResult Compare(ReadOnlySpan<Box> a, ReadOnlySpan<int> labelsA, ReadOnlySpan<Box> b, ReadOnlySpan<int> labelsB,
        double threshold = BoxMatching.DefaultThreshold)
    {
        var matches = BoxMatching.Match(a, labelsA, b, labelsB, threshold);
        return new BoxAgreementResult(a.Length, b.Length, matches.Length, matches.Sum(m => m.IoU));
    }

    /// <summary>The same over boxes and polygons (<see cref="ShapeIoU"/>): a polygon is compared by its own area, not its bounding box.</summary>
    public static BoxAgreementResult CompareShapes(ReadOnlySpan<Shape> a, ReadOnlySpan<int> labelsA, ReadOnlySpan<Shape> b, ReadOnlySpan<int> labelsB,
        double threshold = BoxMatching.DefaultThreshold)
    {
        var matches = BoxMatching.MatchShapes(a, labelsA, b, labelsB, threshold);
        return new BoxAgreementResult(a.Length, b.Length, matches.Length, matches.Sum(m => m.IoU));
    }
}
