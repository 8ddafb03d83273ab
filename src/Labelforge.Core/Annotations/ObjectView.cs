namespace Labelforge.Core.Annotations;

/// <summary>
/// An object as the API shows it: its label id resolved through merges, the label's reference, and a box
/// [x, y, width, height] or a polygon [[x, y], ...] in pixels of the original image (the stored form).
/// </summary>
public sealed record ObjectView(long LabelId, string Label, double[]? Box, double[][]? Polygon)
{
    internal static ObjectView Of(ImageObject o, long labelId, string label) =>
        new(labelId, label, o.Box is { } b ? [b.X, b.Y, b.Width, b.Height] : null,
            o.Polygon is { } p ? [.. p.Select(q => new[] { q.X, q.Y })] : null);
}
