namespace Labelforge.Core.Annotations;

/// <summary>
/// The spans of an item, ordered by start, end, label id (so equal answers store equal text); empty means "no
/// entities". Stored as {"spans":[{"start":0,"end":5,"label":3},...]}.
/// </summary>
public sealed record SpansValue : AnnotationValue
{
    public SpansValue(IEnumerable<LabeledSpan> spans) =>
        Spans = [.. spans.Distinct().OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.LabelId)];

    public IReadOnlyList<LabeledSpan> Spans { get; }

    public override AnnotationValueKind Kind => AnnotationValueKind.Spans;

    public override IReadOnlyList<long> LabelIds => [.. Spans.Select(s => s.LabelId).Distinct().Order()];

    public bool Equals(SpansValue? other) => other is not null && Spans.SequenceEqual(other.Spans);

    public override int GetHashCode() => Spans.Count;
}
