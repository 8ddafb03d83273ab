namespace Labelforge.Engine.Consensus;

/// <summary>
/// A sparse list of crowd answers: answer <c>a</c> says worker <c>Workers[a]</c> gave item <c>Items[a]</c>
/// the label <c>Labels[a]</c>. Three int arrays hold a million answers in 12 MB, and the item- and
/// worker-grouped indexes the algorithms need are built once on first use (counting sort, O(answers)).
/// </summary>
/// <remarks>
/// Items are 0..ItemCount-1, workers 0..WorkerCount-1, labels 0..ClassCount-1. A dense label matrix
/// (items x sources, <see cref="LabelIndex.Abstain"/> where a source gave no label) converts with
/// <see cref="FromMatrix(int[,], int)"/>, which is how labeling-function outputs reuse these models.
/// </remarks>
public sealed class CrowdAnswers
{
    private AnswerIndex? _byItem;
    private AnswerIndex? _byWorker;

    /// <summary>Wraps the arrays (not copied) after checking every index is in range.</summary>
    public CrowdAnswers(int[] items, int[] workers, int[] labels, int itemCount, int workerCount, int classCount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(labels);
        if (items.Length != workers.Length || items.Length != labels.Length)
            throw new ArgumentException("items, workers and labels must have the same length.", nameof(labels));
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegative(workerCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        CheckRange(items, itemCount, nameof(items));
        CheckRange(workers, workerCount, nameof(workers));
        CheckRange(labels, classCount, nameof(labels));
        Items = items;
        Workers = workers;
        Labels = labels;
        ItemCount = itemCount;
        WorkerCount = workerCount;
        ClassCount = classCount;
    }

    /// <summary>The item of each answer.</summary>
    public int[] Items { get; }

    /// <summary>The worker (annotator, labeling function) of each answer.</summary>
    public int[] Workers { get; }

    /// <summary>The label of each answer, 0..ClassCount-1.</summary>
    public int[] Labels { get; }

    /// <summary>Number of answers.</summary>
    public int Count => Labels.Length;

    /// <summary>Number of items (some may have no answers).</summary>
    public int ItemCount { get; }

    /// <summary>Number of workers.</summary>
    public int WorkerCount { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    internal AnswerIndex ByItem => _byItem ??= AnswerIndex.Build(Items, Workers, Labels, ItemCount);

    internal AnswerIndex ByWorker => _byWorker ??= AnswerIndex.Build(Workers, Items, Labels, WorkerCount);

    /// <summary>Converts a dense items x sources matrix; <see cref="LabelIndex.Abstain"/> cells are skipped.</summary>
    public static CrowdAnswers FromMatrix(int[,] matrix, int classCount)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.GetLength(0), m = matrix.GetLength(1);
        var count = 0;
        foreach (var v in matrix)
        {
            if (v != LabelIndex.Abstain)
                count++;
        }
        var items = new int[count];
        var workers = new int[count];
        var labels = new int[count];
        var a = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                var v = matrix[i, j];
                if (v == LabelIndex.Abstain)
                    continue;
                items[a] = i;
                workers[a] = j;
                labels[a++] = v;
            }
        }
        return new CrowdAnswers(items, workers, labels, n, m, classCount);
    }

    /// <summary>Converts a jagged items x sources matrix (rows may differ in length); Abstain cells are skipped.</summary>
    public static CrowdAnswers FromMatrix(int[][] matrix, int classCount)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int count = 0, m = 0;
        foreach (var row in matrix)
        {
            m = Math.Max(m, row.Length);
            foreach (var v in row)
            {
                if (v != LabelIndex.Abstain)
                    count++;
            }
        }
        var items = new int[count];
        var workers = new int[count];
        var labels = new int[count];
        var a = 0;
        for (var i = 0; i < matrix.Length; i++)
        {
            var row = matrix[i];
            for (var j = 0; j < row.Length; j++)
            {
                if (row[j] == LabelIndex.Abstain)
                    continue;
                items[a] = i;
                workers[a] = j;
                labels[a++] = row[j];
            }
        }
        return new CrowdAnswers(items, workers, labels, matrix.Length, m, classCount);
    }

    /// <summary>The same answers with every label mapped through <paramref name="map"/> (for one-vs-rest views).</summary>
    public CrowdAnswers Relabel(int[] map, int classCount)
    {
        ArgumentNullException.ThrowIfNull(map);
        var labels = new int[Count];
        for (var a = 0; a < labels.Length; a++)
            labels[a] = map[Labels[a]];
        return new CrowdAnswers(Items, Workers, labels, ItemCount, WorkerCount, classCount);
    }

    private static void CheckRange(int[] values, int count, string name)
    {
        foreach (var v in values)
        {
            if ((uint)v >= (uint)count)
                throw new ArgumentOutOfRangeException(name, v, $"every value must be in 0..{count - 1}.");
        }
    }
}
