using Labelforge.Core.Annotations;
using Labelforge.Core.Common;

namespace Labelforge.Server.Features.Annotations;

/// <summary>
/// An object in a submission, in pixels of the original image: a box [x, y, width, height] (top-left corner) or a
/// polygon [[x, y], ...], and its label as label_id or label (name or path). The same form annotations are shown in.
/// </summary>
public sealed record ObjectRequest(double[]? Box = null, double[][]? Polygon = null, long? LabelId = null, string? Label = null)
{
    internal NewObject ToNew(int index)
    {
        if (Box is { Length: not 4 })
            throw LabelforgeException.Invalid($"Object {index}: 'box' is [x, y, width, height], 4 numbers (got {Box.Length}).");
        if (Polygon is not null && Polygon.Any(p => p is not { Length: 2 }))
            throw LabelforgeException.Invalid($"Object {index}: each polygon point is [x, y], 2 numbers.");
        return new NewObject(
            Box is { } b ? new ImageBox(b[0], b[1], b[2], b[3]) : null,
            Polygon?.Select(p => new ImagePoint(p[0], p[1])).ToArray(),
            LabelId, Label);
    }
}
