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
        count = Math.Min(count, scores.Length);
        if (count == 0)
            return [];
        // The heap's root is the worst kept entry: the smallest score, and among equal scores the larger index.
        var heapIdx = new int[count];
        var size = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            if (size < count)
            {
                heapIdx[size] = i;
                SiftUp(heapIdx, size++, scores);
            }
            else if (Better(i, heapIdx[0], scores))
            {
                heapIdx[0] = i;
                SiftDown(heapIdx, size, scores);
            }
        }
        var keys = new (double Score, int Index)[count];
        for (var i = 0; i < count; i++)
            keys[i] = (scores[heapIdx[i]], heapIdx[i]);
        Array.Sort(keys, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        for (var i = 0; i < count; i++)
            heapIdx[i] = keys[i].Index;
        return heapIdx;
    }

    /// <summary>Indices of the <paramref name="count"/> largest values among <paramref name="candidates"/> of <paramref name="scores"/>.</summary>
    public static int[] Largest(ReadOnlySpan<double> scores, ReadOnlySpan<int> candidates, int count)
    {
        var sub = new double[candidates.Length];
        for (var i = 0; i < sub.Length; i++)
            sub[i] = scores[candidates[i]];
        var picked = Largest(sub, count);
        for (var i = 0; i < picked.Length; i++)
            picked[i] = candidates[picked[i]];
        return picked;
    }

    private static bool Better(int a, int b, ReadOnlySpan<double> scores) =>
        scores[a] > scores[b] || (scores[a] == scores[b] && a < b);

    private static void SiftUp(int[] heap, int pos, ReadOnlySpan<double> scores)
    {
        while (pos > 0)
        {
            var parent = (pos - 1) / 2;
            if (!Better(heap[parent], heap[pos], scores))
                break;
            (heap[parent], heap[pos]) = (heap[pos], heap[parent]);
            pos = parent;
        }
    }

    private static void SiftDown(int[] heap, int size, ReadOnlySpan<double> scores)
    {
        var pos = 0;
        while (true)
        {
            var left = (2 * pos) + 1;
            if (left >= size)
                return;
            var worst = left;
            var right = left + 1;
            if (right < size && Better(heap[left], heap[right], scores))
                worst = right;
            if (!Better(heap[pos], heap[worst], scores))
                return;
            (heap[pos], heap[worst]) = (heap[worst], heap[pos]);
            pos = worst;
        }
    }
}
