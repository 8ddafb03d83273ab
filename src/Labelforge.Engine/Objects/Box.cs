namespace Labelforge.Engine.Objects;

/// <summary>
/// An axis-aligned box in image pixels, by its edges: <see cref="Left"/> ≤ <see cref="Right"/>, <see cref="Top"/> ≤
/// <see cref="Bottom"/> (y grows downwards, as in images). Area = (Right − Left)(Bottom − Top); a box with zero width
/// or height has area 0.
/// </summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    /// <summary>A box from its top-left corner and size, COCO's [x, y, w, h].</summary>
    public static Box FromXywh(double x, double y, double width, double height) => new(x, y, x + width, y + height);

    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public double Area => Math.Max(0, Width) * Math.Max(0, Height);
}
