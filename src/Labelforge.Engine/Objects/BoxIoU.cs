namespace Labelforge.Engine.Objects;

/// <summary>
/// Intersection over union (the Jaccard index) of two boxes:
/// IoU(A, B) = |A ∩ B| / |A ∪ B| = I / (area(A) + area(B) − I), where I = max(0, min(A.r, B.r) − max(A.l, B.l)) ·
/// max(0, min(A.b, B.b) − max(A.t, B.t)). 1 for identical boxes, 0 for disjoint or touching ones; defined as 0 when
/// both boxes have zero area (nothing to overlap). The measure of the PASCAL VOC and COCO benchmarks
/// (Everingham et al. 2010; Lin et al. 2014).
/// </summary>
public static class BoxIoU
{
    public static double Of(in Box a, in Box b)
    {
        var width = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
        var height = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        var intersection = width > 0 && height > 0 ? width * height : 0;
        var union = a.Area + b.Area - intersection;
        return union > 0 ? intersection / union : 0;
    }

    /// <summary>The IoU of every pair: result[i, j] = IoU(<paramref name="a"/>[i], <paramref name="b"/>[j]).</summary>
    public static double[,] Matrix(ReadOnlySpan<Box> a, ReadOnlySpan<Box> b)
    {
        var result = new double[a.Length, b.Length];
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < b.Length; j++)
                result[i, j] = Of(a[i], b[j]);
        }
        return result;
    }
}
