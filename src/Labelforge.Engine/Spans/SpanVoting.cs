namespace Labelforge.Engine.Spans;

/// <summary>
/// One answer from spans proposed by several sources (labeling functions): identical spans (start, end, label) are
/// one span whose votes are the number of times it was proposed. Where spans may overlap every distinct span is kept;
/// where they may not, spans are taken greedily by most votes, then longest, then earliest, then lowest label, each
/// kept unless it shares a character with one already kept, which is spaCy's <c>filter_spans</c> (longest first,
/// earliest on ties) with the votes put first. Greedy is not the maximum-weight set of disjoint spans (weighted
/// interval scheduling), on purpose: a span two functions agree on should beat two shorter ones each found by one.
/// </summary>
public static class SpanVoting
{
    /// <summary>The kept spans ordered by start, end, label; <paramref name="proposals"/> may repeat a span (each repeat is a vote).</summary>
    public static LabeledRange[] Merge(IEnumerable<LabeledRange> proposals, bool overlapping)
    {
        ArgumentNullException.ThrowIfNull(proposals);
        var votes = new Dictionary<LabeledRange, int>();
        foreach (var span in proposals)
        {
            if (span.Start >= span.End)
                throw new ArgumentException($"span {span.Start}..{span.End} is empty or reversed", nameof(proposals));
            votes[span] = votes.GetValueOrDefault(span) + 1;
        }
        IEnumerable<LabeledRange> kept = votes.Keys;
        if (!overlapping)
        {
            var chosen = new List<LabeledRange>();
            foreach (var span in votes.OrderByDescending(v => v.Value).ThenByDescending(v => v.Key.End - v.Key.Start)
                .ThenBy(v => v.Key.Start).ThenBy(v => v.Key.Label).Select(v => v.Key))
            {
                if (!chosen.Any(span.Overlaps))
                    chosen.Add(span);
            }
            kept = chosen;
        }
        return [.. kept.OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Label)];
    }
}
