using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Spans;

/// <summary>
/// Consensus spans by majority over identical spans: a span (start, end, label) is kept when more than
/// <see cref="MinShare"/> of the item's annotators marked exactly it (default: a strict majority, share &gt; 1/2).
/// With a strict majority two kept spans always have an annotator in common, so if no annotator's spans overlap,
/// neither do the consensus spans. An item nobody annotated gets null; an item whose annotators agree on no span
/// gets an empty list ("no entities" when that is what the majority said).
/// <para>
/// <see cref="DawidSkene"/> is the span-level Dawid–Skene model (Dawid and Skene 1979, applied to spans as candidate
/// presence, e.g. Nguyen et al. 2017, "Aggregating and predicting sequence labels from crowd annotations", ACL): every
/// distinct span any annotator marked on an item is a candidate, and each annotator of the item answers it with "present"
/// (they marked exactly it) or "absent" (they did not), a binary crowd task over all candidates of all items. EM fits each
/// annotator's 2×2 confusion (how often they mark a true span, how often they mark a false one), so a careful
/// annotator's lone span can outweigh two careless ones, and a candidate is kept when its posterior of presence exceeds
/// one half. Where spans may not overlap, kept spans are then taken by posterior, highest first, skipping any that
/// shares a character with one already kept.
/// </para>
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

    /// <summary>Consensus spans of each item by span-level Dawid–Skene, with each kept span's posterior and the EM diagnostics.</summary>
    public static SpanDawidSkeneResult DawidSkene(IReadOnlyList<IReadOnlyList<LabeledRange>?[]> items, bool overlapping, ConsensusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        var candidates = new List<(int Item, LabeledRange Span)>();
        var (itemOf, annotatorOf, answerOf) = (new List<int>(), new List<int>(), new List<int>());
        var annotatorCount = 0;
        for (var i = 0; i < items.Count; i++)
        {
            annotatorCount = Math.Max(annotatorCount, items[i].Length);
            var marked = items[i].Select(a => a is null ? null : new HashSet<LabeledRange>(a)).ToArray();
            var distinct = marked.Where(m => m is not null).SelectMany(m => m!).Distinct()
                .OrderBy(s => s.Start).ThenBy(s => s.End).ThenBy(s => s.Label).ToArray();
            foreach (var span in distinct)
            {
                for (var a = 0; a < marked.Length; a++)
                {
                    if (marked[a] is not { } set)
                        continue;
                    itemOf.Add(candidates.Count);
                    annotatorOf.Add(a);
                    answerOf.Add(set.Contains(span) ? Present : Absent);
                }
                candidates.Add((i, span));
            }
        }
        var result = new IReadOnlyList<LabeledRange>?[items.Count];
        var posteriors = new IReadOnlyList<double>?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Any(a => a is not null))
                (result[i], posteriors[i]) = ([], []);
        }
        if (candidates.Count == 0)
            return new SpanDawidSkeneResult(result, posteriors, 0, true);
        var crowd = new CrowdAnswers([.. itemOf], [.. annotatorOf], [.. answerOf], candidates.Count, annotatorCount, classCount: 2);
        var fit = Consensus.DawidSkene.Run(crowd, options);
        foreach (var group in Enumerable.Range(0, candidates.Count).GroupBy(c => candidates[c].Item))
        {
            var kept = group.Select(c => (candidates[c].Span, P: fit.Posteriors[(2 * c) + Present])).Where(k => k.P > 0.5)
                .OrderByDescending(k => k.P).ThenByDescending(k => k.Span.End - k.Span.Start).ThenBy(k => k.Span.Start).ThenBy(k => k.Span.Label).ToList();
            var chosen = new List<(LabeledRange Span, double P)>();
            foreach (var k in kept)
            {
                if (overlapping || !chosen.Any(c => c.Span.Overlaps(k.Span)))
                    chosen.Add(k);
            }
            var ordered = chosen.OrderBy(k => k.Span.Start).ThenBy(k => k.Span.End).ThenBy(k => k.Span.Label).ToArray();
            result[group.Key] = [.. ordered.Select(k => k.Span)];
            posteriors[group.Key] = [.. ordered.Select(k => k.P)];
        }
        return new SpanDawidSkeneResult(result, posteriors, fit.Iterations, fit.Converged);
    }

    private const int Absent = 0, Present = 1;
}
