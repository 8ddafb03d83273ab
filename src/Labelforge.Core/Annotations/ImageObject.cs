namespace Labelforge.Core.Annotations;

/// <summary>
/// A labeled object on an image: exactly one of <see cref="Box"/> or <see cref="Polygon"/> (at least 3 points).
/// <see cref="Attributes"/> are the flags a file format gives an object beside its label and shape (VOC
/// <c>difficult</c>, <c>truncated</c>, <c>pose</c>; COCO <c>crowd</c> with its RLE <c>mask</c>; see
/// <see cref="ObjectAttributes"/>), kept so an export writes them back; null when there are none.
/// </summary>
public sealed record ImageObject(long LabelId, ImageBox? Box, IReadOnlyList<ImagePoint>? Polygon)
{
    /// <summary>Attribute names to values, ordinal key order (null: none).</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public bool Equals(ImageObject? other) =>
        other is not null && LabelId == other.LabelId && Box == other.Box
        && (Polygon ?? []).SequenceEqual(other.Polygon ?? [])
        && ObjectAttributes.Same(Attributes, other.Attributes);

    public override int GetHashCode() => HashCode.Combine(LabelId, Box, Polygon?.Count);
}
