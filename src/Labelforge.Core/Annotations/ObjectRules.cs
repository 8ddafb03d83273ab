using Labelforge.Core.Media;

namespace Labelforge.Core.Annotations;

/// <summary>
/// What the objects of one annotation must satisfy: exactly one of a box or a polygon each, finite coordinates, a box
/// of positive width and height, a polygon of at least 3 points enclosing a positive area, and, when the image's size
/// is known, every corner and point inside the image (pixels of the original image, 0..width by 0..height; a box may
/// reach the far edge). Label ids are checked where they are resolved. Returns the first problem as a sentence naming
/// the object, or null.
/// </summary>
public static class ObjectRules
{
    /// <summary>How far outside the image a coordinate may lie and still count as on its edge (rounding in clients).</summary>
    public const double EdgeTolerance = 1e-6;

    public const int MinPolygonPoints = 3;

    public static string? Check(IReadOnlyList<ImageObject> objects, ImageSize? image)
    {
        ArgumentNullException.ThrowIfNull(objects);
        for (var i = 0; i < objects.Count; i++)
        {
            if (Check(objects[i], i, image) is { } problem)
                return problem;
        }
        return null;
    }

    private static string? Check(ImageObject o, int index, ImageSize? image)
    {
        if ((o.Box is null) == (o.Polygon is null))
            return $"object {index} needs exactly one of 'box' ([x, y, width, height]) or 'polygon' ([[x, y], ...])";
        if (o.Box is { } box)
        {
            var shown = $"object {index} (box {box.X}, {box.Y}, {box.Width} x {box.Height})";
            if (!double.IsFinite(box.X) || !double.IsFinite(box.Y) || !double.IsFinite(box.Width) || !double.IsFinite(box.Height))
                return $"{shown} has a coordinate that is not a finite number";
            if (box.Width <= 0 || box.Height <= 0)
                return $"{shown} has no area: width and height must be positive (x, y is the top-left corner)";
            var edge = Outside(box.X, box.Y, image) ?? Outside(box.X + box.Width, box.Y + box.Height, image);
            return edge is null ? null : $"{shown} {edge}";
        }
        var points = o.Polygon!;
        if (points.Count < MinPolygonPoints)
            return $"object {index} is a polygon of {points.Count} point{(points.Count == 1 ? "" : "s")}; a polygon needs at least {MinPolygonPoints}";
        for (var p = 0; p < points.Count; p++)
        {
            if (!double.IsFinite(points[p].X) || !double.IsFinite(points[p].Y))
                return $"object {index} (polygon) point {p} has a coordinate that is not a finite number";
            if (Outside(points[p].X, points[p].Y, image) is { } outside)
                return $"object {index} (polygon) point {p} ({points[p].X}, {points[p].Y}) {outside}";
        }
        return Math.Abs(Area(points)) > 0 ? null : $"object {index} is a polygon with no area (its points are on one line)";
    }

    private static string? Outside(double x, double y, ImageSize? image)
    {
        if (x < -EdgeTolerance || y < -EdgeTolerance)
            return "lies outside the image: coordinates start at 0 at the top left";
        if (image is { } size && (x > size.Width + EdgeTolerance || y > size.Height + EdgeTolerance))
            return $"lies outside the image, which is {size.Width} x {size.Height} pixels";
        return null;
    }

    /// <summary>Signed area by the shoelace formula.</summary>
    private static double Area(IReadOnlyList<ImagePoint> points)
    {
        var sum = 0.0;
        for (var i = 0; i < points.Count; i++)
        {
            var (a, b) = (points[i], points[(i + 1) % points.Count]);
            sum += a.X * b.Y - b.X * a.Y;
        }
        return sum / 2;
    }
}
