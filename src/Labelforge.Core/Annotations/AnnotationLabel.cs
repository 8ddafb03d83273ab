namespace Labelforge.Core.Annotations;

/// <summary>
/// One label of an annotation, as a row: lets filters by label and "needs relabel" be plain indexed SQL on
/// every provider instead of JSON functions. Written once with its annotation, never changed.
/// </summary>
public sealed class AnnotationLabel
{
    public long AnnotationId { get; set; }

    public long LabelId { get; set; }

    public long ItemId { get; set; }

    public long ProjectId { get; set; }
}
