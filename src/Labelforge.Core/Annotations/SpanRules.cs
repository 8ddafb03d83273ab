using Labelforge.Engine.Spans;

namespace Labelforge.Core.Annotations;

/// <summary>
/// What the spans of one annotation must satisfy against the item's text and the project's settings: offsets inside
/// the text with start &lt; end, no split surrogate pair, token boundaries when the project snaps (submissions only;
/// imports keep the file's offsets), and no two spans sharing a character unless the project allows overlaps.
/// Returns the first problem as a sentence naming the span, or null.
/// </summary>
public static class SpanRules
{
    public static string? Check(IReadOnlyList<LabeledSpan> spans, string text, IReadOnlyList<TextToken>? snapTo, bool overlapping)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < spans.Count; i++)
        {
            if (Offsets(spans[i], i, text) is { } problem)
                return problem;
            if (snapTo is not null && !SpanTokenizer.IsAligned(snapTo, spans[i].Start, spans[i].End))
            {
                var snapped = SpanTokenizer.Snap(snapTo, spans[i].Start, spans[i].End);
                var hint = snapped is { } s ? $"; the nearest token-aligned span is {s.Start}..{s.End} ('{Quote(text, s.Start, s.End)}')" : "";
                return $"span {i} ({spans[i].Start}..{spans[i].End}, '{Quote(text, spans[i].Start, spans[i].End)}') does not start and end on token boundaries{hint}";
            }
        }
        return overlapping ? null : Overlap(spans, text);
    }

    private static string? Offsets(LabeledSpan span, int index, string text)
    {
        if (span.Start < 0 || span.End > text.Length)
            return $"span {index} ({span.Start}..{span.End}) is outside the text, which has {text.Length} characters (UTF-16 offsets, end exclusive)";
        if (span.Start >= span.End)
            return $"span {index} ({span.Start}..{span.End}) is empty or reversed: start must be less than end (end is exclusive)";
        if (char.IsLowSurrogate(text[span.Start]) || (span.End < text.Length && char.IsLowSurrogate(text[span.End])))
            return $"span {index} ({span.Start}..{span.End}) splits a character in two (offsets count UTF-16 code units)";
        return null;
    }

    private static string? Overlap(IReadOnlyList<LabeledSpan> spans, string text)
    {
        var order = Enumerable.Range(0, spans.Count).OrderBy(i => spans[i].Start).ThenBy(i => spans[i].End).ToArray();
        for (var k = 1; k < order.Length; k++)
        {
            var (a, b) = (spans[order[k - 1]], spans[order[k]]);
            if (b.Start < a.End)
                return $"spans {order[k - 1]} ('{Quote(text, a.Start, a.End)}', {a.Start}..{a.End}) and {order[k]} ('{Quote(text, b.Start, b.End)}', {b.Start}..{b.End}) overlap, "
                    + "and this project does not allow overlapping spans (create it with --overlapping-spans)";
        }
        return null;
    }

    private static string Quote(string text, int start, int end)
    {
        var s = text[start..end];
        return s.Length <= 40 ? s : s[..37] + "...";
    }
}
