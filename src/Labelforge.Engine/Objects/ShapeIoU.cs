namespace Labelforge.Engine.Objects;

/// <summary>
/// IoU of two shapes: <see cref="BoxIoU"/> when both are boxes, else the exact polygon IoU (<see cref="PolygonIoU"/>,
/// a box taken as its four corners), skipped as 0 when the bounding boxes do not overlap. So a box and a polygon of
/// the same outline have IoU 1, and a triangle is not matched as its bounding box.
/// </summary>
public static class ShapeIoU
{
    public static double Of(Shape a, Shape b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!a.IsPolygon && !b.IsPolygon)
            return BoxIoU.Of(a.Bounds, b.Bounds);
        return BoxIoU.Of(a.Bounds, b.Bounds) == 0 ? 0 : PolygonIoU.Of(a.Vertices, b.Vertices);
    }

    /// <summary>The IoU of every pair: result[i, j] = IoU(<paramref name="a"/>[i], <paramref name="b"/>[j]).</summary>
    public static double[,] Matrix(ReadOnlySpan<Shape> a, ReadOnlySpan<Shape> b)
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
