using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import.Readers.Images;

/// <summary>
/// An object read from a file: a box or a polygon in pixels of the original image (readers convert normalized,
/// percent and 1-based coordinates, <see cref="ObjectCoordinates"/>), its label as written, and its attributes
/// (<see cref="ObjectAttributes"/>: VOC flags, a COCO crowd mask). The importer maps the label to the taxonomy.
/// </summary>
public sealed record ImportedObject(string Label, ImageBox? Box, IReadOnlyList<ImagePoint>? Polygon)
{
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    /// <summary>The COCO category id the label came with (null outside COCO files); the label keeps it for COCO exports.</summary>
    public long? CategoryId { get; init; }

    /// <summary>
    /// True while the coordinates are Label Studio percentages, before the image reader knows the image's size and
    /// turns them into pixels (<see cref="InPixels"/>); the importer refuses an object still in percent.
    /// </summary>
    public bool InPercent { get; init; }

    /// <summary>This object with percent coordinates turned into pixels of a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public ImportedObject InPixels(int width, int height) => !InPercent ? this : this with
    {
        InPercent = false,
        Box = Box is { } b
            ? new ImageBox(ObjectCoordinates.FromPercent(b.X, width), ObjectCoordinates.FromPercent(b.Y, height),
                ObjectCoordinates.FromPercent(b.Width, width), ObjectCoordinates.FromPercent(b.Height, height))
            : null,
        Polygon = Polygon?.Select(p => new ImagePoint(ObjectCoordinates.FromPercent(p.X, width), ObjectCoordinates.FromPercent(p.Y, height))).ToArray(),
    };
}
