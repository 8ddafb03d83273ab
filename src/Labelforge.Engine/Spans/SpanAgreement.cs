namespace Labelforge.Engine.Spans;

/// <summary>
/// Inter-annotator agreement for spans as pairwise F1 (Hripcsak and Rothschild 2005, "Agreement, the F-measure, and
/// reliability in information retrieval", JAMIA 12(3)): with no fixed set of negatives, kappa is undefined, and the
/// F-measure of one annotator against another is symmetric and equals positive specific agreement,
/// F1 = 2 · |matched| / (|A| + |B|). Counts are pooled over every pair of annotators and every item both annotated.
/// Exact match: same start, end and label. Partial match: same label and at least one shared character, matched
/// one to one (each span at most once), larger overlaps first, so F1 never exceeds 1 and partial ≥ exact.
/// </summary>
public static class SpanAgreement
{
    /// <summary>
    /// <paramref name="items"/>[i][a] holds annotator a's spans on item i, or null when a did not annotate it (an
    /// empty list means "no entities", which agrees with another empty list and counts nothing).
    /// </summary>
    public static SpanAgreementResult Compute(IReadOnlyList<IReadOnlyList<LabeledRange>?[]> items, int labelCount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentOutOfRangeException.ThrowIfNegative(labelCount);
        var spans = new long[labelCount];
        var exact = new long[labelCount];
        var partial = new long[labelCount];
        long pairs = 0;
        foreach (var answers in items)
        {
            for (var a = 0; a < answers.Length; a++)
            {
                for (var b = a + 1; b < answers.Length; b++)
                {
                    if (answers[a] is not { } left || answers[b] is not { } right)
                        continue;
                    pairs++;
                    CountPair(left, right, spans, exact, partial);
                }
            }
        }
        var perLabel = new SpanF1[labelCount];
        for (var l = 0; l < labelCount; l++)
            perLabel[l] = new SpanF1(l, spans[l], exact[l], partial[l]);
        var overall = new SpanF1(LabelIndex.Abstain, spans.Sum(), exact.Sum(), partial.Sum());
        return new SpanAgreementResult(overall, perLabel, pairs);
    }

    private static void CountPair(IReadOnlyList<LabeledRange> left, IReadOnlyList<LabeledRange> right, long[] spans, long[] exact, long[] partial)
    {
        foreach (var s in left)
            spans[s.Label]++;
        foreach (var s in right)
            spans[s.Label]++;
        var rightSet = new HashSet<LabeledRange>(right);
        foreach (var s in left.Distinct())
        {
            if (rightSet.Contains(s))
                exact[s.Label]++;
        }
        foreach (var (l, _) in PartialMatches(left, right))
            partial[left[l].Label]++;
    }

    /// <summary>One-to-one pairs (left index, right index) of same-label overlapping spans, largest overlap first.</summary>
    internal static List<(int Left, int Right)> PartialMatches(IReadOnlyList<LabeledRange> left, IReadOnlyList<LabeledRange> right)
    {
        var candidates = new List<(int Overlap, int Left, int Right)>();
        for (var l = 0; l < left.Count; l++)
        {
            for (var r = 0; r < right.Count; r++)
            {
                if (left[l].Label != right[r].Label || !left[l].Overlaps(right[r]))
                    continue;
                var overlap = Math.Min(left[l].End, right[r].End) - Math.Max(left[l].Start, right[r].Start);
                candidates.Add((overlap, l, r));
            }
        }
        candidates.Sort((x, y) => x.Overlap != y.Overlap ? y.Overlap.CompareTo(x.Overlap)
            : x.Left != y.Left ? x.Left.CompareTo(y.Left) : x.Right.CompareTo(y.Right));
        var usedLeft = new bool[left.Count];
        var usedRight = new bool[right.Count];
        var result = new List<(int, int)>();
        foreach (var (_, l, r) in candidates)
        {
            if (usedLeft[l] || usedRight[r])
                continue;
            usedLeft[l] = usedRight[r] = true;
            result.Add((l, r));
        }
        return result;
    }
}
