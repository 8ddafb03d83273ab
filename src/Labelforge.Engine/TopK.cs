namespace Labelforge.Engine;

/// <summary>
/// Partial selection of the <c>count</c> largest scores with a bounded min-heap: O(n log count) time and
/// O(count) memory instead of a full O(n log n) sort. Ties go to the lower index, so results are deterministic.
/// </summary>
public static class TopK
{
    /// <summary>Indices of the <paramref name="count"/> largest scores, largest first (ties: lower index first).</summary>
    public static int[] Largest(ReadOnlySpan<double> scores, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var heap = new BoundedHeap(Math.Min(count, scores.Length));
        for (var i = 0; i < scores.Length; i++)
            heap.Offer(i, scores[i]);
        return heap.Sorted();
    }

    /// <summary>Indices of the <paramref name="count"/> largest values among <paramref name="candidates"/> of <paramref name="scores"/>.</summary>
    public static int[] Largest(ReadOnlySpan<double> scores, ReadOnlySpan<int> candidates, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var heap = new BoundedHeap(Math.Min(count, candidates.Length));
        foreach (var c in candidates)
            heap.Offer(c, scores[c]);
        return heap.Sorted();
    }
}
