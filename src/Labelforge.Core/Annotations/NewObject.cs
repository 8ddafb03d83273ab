namespace Labelforge.Core.Annotations;

/// <summary>A submitted object: a box or a polygon in pixels of the original image, and its label as an id or a name/path.</summary>
public sealed record NewObject(ImageBox? Box, IReadOnlyList<ImagePoint>? Polygon, long? LabelId = null, string? Label = null);
