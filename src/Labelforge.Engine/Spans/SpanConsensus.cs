namespace Labelforge.Engine.Spans;

/// <summary>
/// Consensus spans by majority over identical spans: a span (start, end, label) is kept when more than
/// <see cref="MinShare"/> of the item's annotators marked exactly it (default: a strict majority, share &gt; 1/2).
/// With a strict majority two kept spans always have an annotator in common, so if no annotator's spans overlap,
/// neither do the consensus spans. An item nobody annotated gets null; an item whose annotators agree on no span
/// gets an empty list ("no entities" when that is what the majority said).
/// </summary>
public static class SpanConsensus
{
    /// <summary>The share of annotators a span needs more than, by default one half.</summary>
    public const double MinShare = 0.5;

    /// <summary>Consensus spans of each item (ordered by start, end, label); <paramref name="items"/> as in <see cref="SpanAgreement.Compute"/>.</summary>
    public static IReadOnlyList<LabeledRange>?[] Majority(IReadOnlyList<IReadOnlyList<LabeledRange>?[]> items, double minShare = MinShare)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(minShare);
        var result = new IReadOnlyList<LabeledRange>?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var answered = items[i].Where(a => a is not null).ToArray();
            if (answered.Length == 0)
                continue;
            var votes = new Dictionary<LabeledRange, int>();
            foreach (var spans in answered)
            {
                foreach (var span in spans!.Distinct())
                    votes[span] = votes.GetValueOrDefault(span) + 1;
            }
            result[i] = votes.Where(v => v.Value > minShare * answered.Length).Select(v => v.Key)
                .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Label).ToArray();
        }
        return result;
    }
}
