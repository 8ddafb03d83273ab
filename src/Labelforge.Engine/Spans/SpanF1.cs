namespace Labelforge.Engine.Spans;

/// <summary>
/// Span agreement of one label (or of all labels, <see cref="Label"/> = <see cref="LabelIndex.Abstain"/>), pooled
/// over every pair of annotators on the items both annotated. <see cref="Spans"/> counts each pair's spans on both
/// sides (|A| + |B| summed over pairs); F1 = 2 · matches / spans, NaN when no pair marked a span.
/// </summary>
public sealed record SpanF1(int Label, long Spans, long ExactMatches, long PartialMatches)
{
    /// <summary>F1 where a span matches only a span of the other annotator with the same start, end and label.</summary>
    public double ExactF1 => Spans == 0 ? double.NaN : 2.0 * ExactMatches / Spans;

    /// <summary>F1 where a span matches an overlapping span with the same label (one-to-one).</summary>
    public double PartialF1 => Spans == 0 ? double.NaN : 2.0 * PartialMatches / Spans;
}
