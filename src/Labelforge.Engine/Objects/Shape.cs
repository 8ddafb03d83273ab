namespace Labelforge.Engine.Objects;

/// <summary>
/// What IoU matching sees of an annotated object: a box, or a simple polygon (COCO's flat [x₁, y₁, x₂, y₂, …]
/// vertices) with its bounding box. Boxes keep their exact, fast IoU; any pair with a polygon is compared as polygons
/// (<see cref="ShapeIoU"/>), so a polygon is not reduced to its bounding box.
/// </summary>
public sealed class Shape
{
    private Shape(Box bounds, double[]? polygon)
    {
        Bounds = bounds;
        Polygon = polygon;
    }

    /// <summary>The box itself, or the polygon's bounding box.</summary>
    public Box Bounds { get; }

    /// <summary>The polygon's vertices, or null for a box.</summary>
    public double[]? Polygon { get; }

    public bool IsPolygon => Polygon is not null;

    public static Shape FromBox(Box box) => new(box, null);

    /// <summary>A polygon of at least 3 vertices as x, y pairs (not copied).</summary>
    public static Shape FromPolygon(double[] vertices)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        if (vertices.Length < 6 || vertices.Length % 2 != 0)
            throw new ArgumentException("a polygon needs at least 3 vertices as x, y pairs", nameof(vertices));
        double left = double.PositiveInfinity, top = double.PositiveInfinity, right = double.NegativeInfinity, bottom = double.NegativeInfinity;
        for (var i = 0; i < vertices.Length; i += 2)
        {
            (left, right) = (Math.Min(left, vertices[i]), Math.Max(right, vertices[i]));
            (top, bottom) = (Math.Min(top, vertices[i + 1]), Math.Max(bottom, vertices[i + 1]));
        }
        return new Shape(new Box(left, top, right, bottom), vertices);
    }

    /// <summary>The shape's outline as polygon vertices (a box: its four corners, clockwise on screen).</summary>
    public double[] Vertices => Polygon ?? [Bounds.Left, Bounds.Top, Bounds.Right, Bounds.Top, Bounds.Right, Bounds.Bottom, Bounds.Left, Bounds.Bottom];
}
