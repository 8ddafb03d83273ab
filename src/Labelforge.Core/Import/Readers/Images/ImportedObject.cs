using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import.Readers.Images;

/// <summary>An object read from a file: a box or a polygon in pixels of the original image, and its label as written.</summary>
public sealed record ImportedObject(string Label, ImageBox? Box, IReadOnlyList<ImagePoint>? Polygon);
