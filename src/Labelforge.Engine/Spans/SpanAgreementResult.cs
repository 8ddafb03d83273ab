namespace Labelforge.Engine.Spans;

/// <summary>Span agreement overall (micro, all labels pooled) and per label, with how many annotator pairs it read.</summary>
public sealed record SpanAgreementResult(SpanF1 Overall, IReadOnlyList<SpanF1> PerLabel, long ComparedPairs);
