namespace Labelforge.Core.Annotations;

/// <summary>
/// An annotation's value, one typed union for every task type: <see cref="ClassLabelsValue"/>,
/// <see cref="SpansValue"/> or <see cref="ObjectsValue"/>. Stored in one JSON column (annotations.LabelIdsJson)
/// through one reader/writer, <see cref="AnnotationValueJson"/>; features switch on <see cref="Kind"/>, never on JSON shapes.
/// </summary>
public abstract record AnnotationValue
{
    public abstract AnnotationValueKind Kind { get; }

    /// <summary>The distinct label ids the value uses, ascending: the annotation_labels rows and label filters.</summary>
    public abstract IReadOnlyList<long> LabelIds { get; }
}
