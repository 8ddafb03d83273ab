using System.Runtime.CompilerServices;

namespace Labelforge.Engine.LabelErrors;

/// <summary>
/// Finds likely label errors from out-of-fold predicted probabilities with confident learning
/// (Northcutt, Jiang &amp; Chuang, "Confident Learning: Estimating Uncertainty in Dataset Labels", JAIR 70, 2021).
/// The confident joint C[ỹ][y*] estimates how many items with given label ỹ truly belong to y*; a filter
/// (<see cref="LabelErrorFilter"/>) turns it into flagged items, keeping only those whose argmax prediction
/// differs from the given label, ranked by <see cref="LabelQuality"/> (lowest first).
/// Runs in O(n k) plus partial selections; no full sort of the n items, one thread. Its loops run once per call, usually once per
/// process (`labelforge label-errors`), so the detection keeps to code that is compiled ahead of time in the ReadyToRun
/// build: no method marked AggressiveOptimization (ReadyToRun leaves those to the JIT) and no generic framework method
/// over a value type (LINQ, Array.Sort of keys and items), whose instantiation the framework's precompiled code lacks.
/// </summary>
public static class LabelErrorDetector
{
    /// <summary>Flags likely label errors.</summary>
    /// <param name="labels">Given label per row, 0..k-1.</param>
    /// <param name="probabilities">Out-of-sample p(class | row), n x k.</param>
    /// <param name="options">Filter and ranking; defaults when null.</param>
    public static LabelErrorResult Find(ReadOnlySpan<int> labels, ProbabilityMatrix probabilities, LabelErrorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        options ??= new LabelErrorOptions();
        var joint = ConfidentJoint.Compute(labels, probabilities);
        int[,]? pruneCounts = null;
        bool[] flagged;
        switch (options.Filter)
        {
            case LabelErrorFilter.ConfidentLearning:
                flagged = (bool[])joint.IsOffDiagonal.Clone();
                break;
            case LabelErrorFilter.PredictedNeqGiven:
                flagged = new bool[labels.Length];
                Array.Fill(flagged, true);
                break;
            default:
                pruneCounts = PruneCountMatrix.Build(joint.Calibrated, options.MinExamplesPerClass);
                flagged = Prune(labels, probabilities, pruneCounts, joint.LabelCounts, options.Filter);
                break;
        }
        var indices = new List<int>();
        for (var i = 0; i < flagged.Length; i++)
        {
            if (flagged[i] && probabilities.ArgMax(i) != labels[i])
                indices.Add(i);
        }
        var ranked = LabelQuality.Rank(indices.ToArray(), labels, probabilities, options.RankBy);
        if (options.MaxIssues is { } max && max < ranked.Length)
            ranked = ranked[..Math.Max(max, 0)];
        return new LabelErrorResult(ranked, joint, pruneCounts);
    }

    private static bool[] Prune(ReadOnlySpan<int> labels, ProbabilityMatrix probabilities, int[,] pruneCounts, int[] labelCounts, LabelErrorFilter filter)
    {
        var byClass = GroupByLabel(labels, probabilities.ClassCount, labelCounts);
        var flagged = new bool[labels.Length];
        var noiseRate = filter != LabelErrorFilter.PruneByClass ? new bool[labels.Length] : null;
        var lowSelf = filter != LabelErrorFilter.PruneByNoiseRate ? new bool[labels.Length] : null;
        // One thread: a class is a few hundred microseconds of work, less than starting pool threads in a new process.
        for (var given = 0; given < byClass.Length; given++)
        {
            if (noiseRate is not null)
                MarkByNoiseRate(byClass[given], given, probabilities, pruneCounts, noiseRate);
            if (lowSelf is not null)
                MarkByClass(byClass[given], given, probabilities, labelCounts[given] - pruneCounts[given, given], lowSelf);
        }
        for (var i = 0; i < flagged.Length; i++)
            flagged[i] = (noiseRate?[i] ?? true) && (lowSelf?[i] ?? true);
        return flagged;
    }

    /// <summary>
    /// For each true class j ≠ given, the P[j][given] items with the largest margin p_j - p_given. One pass over the
    /// class's rows feeds all k - 1 bounded heaps, so the matrix is read once, row by row.
    /// </summary>
    private static void MarkByNoiseRate(int[] members, int given, ProbabilityMatrix probabilities, int[,] pruneCounts, bool[] mark)
    {
        var k = probabilities.ClassCount;
        var heaps = new BoundedHeap?[k];
        for (var j = 0; j < k; j++)
        {
            if (j != given && pruneCounts[j, given] > 0)
                heaps[j] = new BoundedHeap(Math.Min(pruneCounts[j, given], members.Length));
        }
        // Only the classes with something to prune, as parallel arrays the row loop walks.
        var (active, activeHeaps, count) = (new int[k], new BoundedHeap[k], 0);
        for (var j = 0; j < k; j++)
        {
            if (heaps[j] is not { } heap)
                continue;
            active[count] = j;
            activeHeaps[count++] = heap;
        }
        var values = probabilities.Values;
        foreach (var row in members)
        {
            var offset = row * k;
            double self = values[offset + given];
            for (var a = 0; a < count; a++)
                activeHeaps[a].Offer(row, values[offset + active[a]] - self);
        }
        foreach (var heap in heaps)
        {
            if (heap is null)
                continue;
            foreach (var row in heap.Indices)
                mark[row] = true;
        }
    }

    /// <summary>The <paramref name="count"/> items of the class with the lowest self-confidence.</summary>
    private static void MarkByClass(int[] members, int given, ProbabilityMatrix probabilities, int count, bool[] mark)
    {
        if (count <= 0)
            return;
        var heap = new BoundedHeap(Math.Min(count, members.Length));
        foreach (var row in members)
            heap.Offer(row, -probabilities[row, given]);
        foreach (var row in heap.Indices)
            mark[row] = true;
    }

    private static int[][] GroupByLabel(ReadOnlySpan<int> labels, int classCount, int[] labelCounts)
    {
        var groups = new int[classCount][];
        for (var j = 0; j < classCount; j++)
            groups[j] = new int[labelCounts[j]];
        var fill = new int[classCount];
        for (var i = 0; i < labels.Length; i++)
            groups[labels[i]][fill[labels[i]]++] = i;
        return groups;
    }
}
