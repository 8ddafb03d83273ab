namespace Labelforge.Core.Annotations;

/// <summary>A labeled object on an image: exactly one of <see cref="Box"/> or <see cref="Polygon"/> (at least 3 points).</summary>
public sealed record ImageObject(long LabelId, ImageBox? Box, IReadOnlyList<ImagePoint>? Polygon)
{
    public bool Equals(ImageObject? other) =>
        other is not null && LabelId == other.LabelId && Box == other.Box
        && (Polygon ?? []).SequenceEqual(other.Polygon ?? []);

    public override int GetHashCode() => HashCode.Combine(LabelId, Box, Polygon?.Count);
}
