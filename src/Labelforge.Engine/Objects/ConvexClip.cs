namespace Labelforge.Engine.Objects;

/// <summary>
/// Area of the intersection of two convex polygons with positive orientation (flat x, y lists): the subject is clipped
/// by each edge of the clip polygon in turn (Sutherland and Hodgman 1974), keeping the side left of the edge, and the
/// area of what is left is the shoelace sum.
/// </summary>
internal static class ConvexClip
{
    public static double Area(ReadOnlySpan<double> subject, ReadOnlySpan<double> clip)
    {
        var current = new List<(double X, double Y)>(8);
        for (var i = 0; i < subject.Length; i += 2)
            current.Add((subject[i], subject[i + 1]));
        var next = new List<(double X, double Y)>(8);
        var m = clip.Length / 2;
        for (var e = 0; e < m && current.Count > 0; e++)
        {
            var f = (e + 1) % m;
            var (ax, ay, bx, by) = (clip[2 * e], clip[(2 * e) + 1], clip[2 * f], clip[(2 * f) + 1]);
            next.Clear();
            for (var k = 0; k < current.Count; k++)
            {
                var p = current[k];
                var q = current[(k + 1) % current.Count];
                var (sp, sq) = (Side(ax, ay, bx, by, p), Side(ax, ay, bx, by, q));
                if (sp >= 0)
                    next.Add(p);
                if ((sp >= 0) != (sq >= 0))
                {
                    var t = sp / (sp - sq);
                    next.Add((p.X + (t * (q.X - p.X)), p.Y + (t * (q.Y - p.Y))));
                }
            }
            (current, next) = (next, current);
        }
        var area = 0.0;
        for (var k = 0; k < current.Count; k++)
        {
            var (p, q) = (current[k], current[(k + 1) % current.Count]);
            area += (p.X * q.Y) - (q.X * p.Y);
        }
        return Math.Max(0, area / 2);
    }

    /// <summary>The cross product (b − a) × (p − a): positive when p is left of a → b.</summary>
    private static double Side(double ax, double ay, double bx, double by, (double X, double Y) p) =>
        ((bx - ax) * (p.Y - ay)) - ((by - ay) * (p.X - ax));
}
