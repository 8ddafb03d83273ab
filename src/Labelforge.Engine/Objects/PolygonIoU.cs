namespace Labelforge.Engine.Objects;

/// <summary>
/// Intersection over union of two simple polygons (convex or not, either orientation), given as COCO's flat
/// [x₁, y₁, x₂, y₂, …] vertex lists. Areas by the shoelace formula, A = ½ Σ (xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ). The intersection is
/// exact by signed triangle decomposition: with a point O, a polygon's indicator is ± Σᵢ σᵢ·1[Tᵢ] over the fan
/// triangles Tᵢ = (O, pᵢ, pᵢ₊₁) with signs σᵢ of their areas (the winding number), so
/// |A ∩ B| = sgn(A)·sgn(B)·Σᵢ Σⱼ σᵢ τⱼ |Tᵢ ∩ Sⱼ|, and each |Tᵢ ∩ Sⱼ| is two triangles clipped by Sutherland–Hodgman
/// (1974). O(n·m) for n and m vertices; IoU = |A ∩ B| / (|A| + |B| − |A ∩ B|), 0 when the union has no area.
/// </summary>
public static class PolygonIoU
{
    public static double Of(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        Check(a, nameof(a));
        Check(b, nameof(b));
        var (areaA, areaB) = (SignedArea(a), SignedArea(b));
        var intersection = Math.Abs(Intersection(a, b));
        var union = Math.Abs(areaA) + Math.Abs(areaB) - intersection;
        return union > 0 ? Math.Clamp(intersection / union, 0, 1) : 0;
    }

    /// <summary>The shoelace area: positive for counter-clockwise vertices in y-up axes (clockwise on screen, where y grows down).</summary>
    public static double SignedArea(ReadOnlySpan<double> polygon)
    {
        var n = polygon.Length / 2;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            var j = (i + 1) % n;
            sum += (polygon[2 * i] * polygon[(2 * j) + 1]) - (polygon[2 * j] * polygon[(2 * i) + 1]);
        }
        return sum / 2;
    }

    /// <summary>|A ∩ B| up to the sign sgn(A)·sgn(B), which <see cref="Of"/> drops.</summary>
    private static double Intersection(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        // O at the first vertex of A keeps coordinates small and makes two of A's fan triangles empty.
        var (ox, oy) = (a[0], a[1]);
        var (n, m) = (a.Length / 2, b.Length / 2);
        var total = 0.0;
        Span<double> triangleA = stackalloc double[6];
        Span<double> triangleB = stackalloc double[6];
        for (var i = 0; i < n; i++)
        {
            var signA = Fan(a, i, ox, oy, triangleA);
            if (signA == 0)
                continue;
            for (var j = 0; j < m; j++)
            {
                var signB = Fan(b, j, ox, oy, triangleB);
                if (signB != 0)
                    total += signA * signB * ConvexClip.Area(triangleA, triangleB);
            }
        }
        return total * Math.Sign(SignedArea(a)) * Math.Sign(SignedArea(b));
    }

    /// <summary>Writes fan triangle (O, pᵢ, pᵢ₊₁) in positive orientation into <paramref name="triangle"/>; returns its sign (0: no area).</summary>
    private static int Fan(ReadOnlySpan<double> polygon, int i, double ox, double oy, Span<double> triangle)
    {
        var j = (i + 1) % (polygon.Length / 2);
        var (x1, y1, x2, y2) = (polygon[2 * i], polygon[(2 * i) + 1], polygon[2 * j], polygon[(2 * j) + 1]);
        var cross = ((x1 - ox) * (y2 - oy)) - ((x2 - ox) * (y1 - oy));
        if (cross == 0)
            return 0;
        triangle[0] = ox;
        triangle[1] = oy;
        (triangle[2], triangle[3], triangle[4], triangle[5]) = cross > 0 ? (x1, y1, x2, y2) : (x2, y2, x1, y1);
        return Math.Sign(cross);
    }

    private static void Check(ReadOnlySpan<double> polygon, string name)
    {
        if (polygon.Length < 6 || polygon.Length % 2 != 0)
            throw new ArgumentException("a polygon needs at least 3 vertices as x, y pairs", name);
    }
}
