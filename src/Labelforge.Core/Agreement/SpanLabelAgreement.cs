namespace Labelforge.Core.Agreement;

/// <summary>Span agreement of one label (null: all labels pooled): spans compared, matches, and F1 (null when no span was marked).</summary>
public sealed record SpanLabelAgreement(string? Label, long Spans, long ExactMatches, long PartialMatches, double? ExactF1, double? PartialF1);
