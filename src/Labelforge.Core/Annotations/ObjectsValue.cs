namespace Labelforge.Core.Annotations;

/// <summary>
/// The objects of an image, in the order drawn; empty means "no objects". Stored as
/// {"objects":[{"label":3,"box":[x,y,w,h]},{"label":4,"polygon":[[x,y],...]}]}.
/// </summary>
public sealed record ObjectsValue(IReadOnlyList<ImageObject> Objects) : AnnotationValue
{
    public override AnnotationValueKind Kind => AnnotationValueKind.Objects;

    public override IReadOnlyList<long> LabelIds => [.. Objects.Select(o => o.LabelId).Distinct().Order()];

    public bool Equals(ObjectsValue? other) => other is not null && Objects.SequenceEqual(other.Objects);

    public override int GetHashCode() => Objects.Count;
}
