using System.Runtime.CompilerServices;

namespace Labelforge.Engine;

/// <summary>
/// Keeps the <c>capacity</c> best (score, index) pairs offered so far in a min-heap whose root is the worst kept pair,
/// so an offer that cannot get in costs one comparison. Better = higher score, then lower index.
/// </summary>
internal sealed class BoundedHeap(int capacity)
{
    private readonly double[] _scores = new double[capacity];
    private readonly int[] _indices = new int[capacity];

    public int Count { get; private set; }

    /// <remarks>Inlined into the caller's loop: most offers are turned away by the one comparison with the root.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Offer(int index, double score)
    {
        if (Count < capacity)
            Add(index, score);
        else if (capacity > 0 && (score > _scores[0] || (score == _scores[0] && index < _indices[0])))
            ReplaceRoot(index, score);
    }

    private void Add(int index, double score)
    {
        _scores[Count] = score;
        _indices[Count] = index;
        SiftUp(Count++);
    }

    private void ReplaceRoot(int index, double score)
    {
        _scores[0] = score;
        _indices[0] = index;
        SiftDown();
    }

    /// <summary>The kept indices, best first.</summary>
    public int[] Sorted()
    {
        var keys = new (double Score, int Index)[Count];
        for (var i = 0; i < Count; i++)
            keys[i] = (_scores[i], _indices[i]);
        Array.Sort(keys, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Index.CompareTo(b.Index));
        var result = new int[Count];
        for (var i = 0; i < Count; i++)
            result[i] = keys[i].Index;
        return result;
    }

    /// <summary>The kept indices in no particular order.</summary>
    public ReadOnlySpan<int> Indices => _indices.AsSpan(0, Count);

    private bool Worse(int a, int b) =>
        _scores[a] < _scores[b] || (_scores[a] == _scores[b] && _indices[a] > _indices[b]);

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_indices[a], _indices[b]) = (_indices[b], _indices[a]);
    }

    private void SiftUp(int pos)
    {
        while (pos > 0)
        {
            var parent = (pos - 1) / 2;
            if (!Worse(pos, parent))
                return;
            Swap(pos, parent);
            pos = parent;
        }
    }

    private void SiftDown()
    {
        var pos = 0;
        while (true)
        {
            var left = (2 * pos) + 1;
            if (left >= Count)
                return;
            var worst = left;
            if (left + 1 < Count && Worse(left + 1, left))
                worst = left + 1;
            if (!Worse(worst, pos))
                return;
            Swap(pos, worst);
            pos = worst;
        }
    }
}
