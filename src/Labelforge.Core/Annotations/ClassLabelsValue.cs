namespace Labelforge.Core.Annotations;

/// <summary>Labels of the whole item; empty means "none of the labels apply". Stored as a JSON array of ids, e.g. [3,5].</summary>
public sealed record ClassLabelsValue(IReadOnlyList<long> Ids) : AnnotationValue
{
    public override AnnotationValueKind Kind => AnnotationValueKind.ClassLabels;

    public override IReadOnlyList<long> LabelIds => Ids;

    public bool Equals(ClassLabelsValue? other) => other is not null && Ids.SequenceEqual(other.Ids);

    public override int GetHashCode() => Ids.Count;
}
