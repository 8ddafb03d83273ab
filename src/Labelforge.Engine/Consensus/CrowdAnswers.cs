namespace Labelforge.Engine.Consensus;

/// <summary>
/// A sparse list of crowd answers: answer <c>a</c> says annotator <c>Annotators[a]</c> gave item <c>Items[a]</c>
/// the label <c>Labels[a]</c>. Three int arrays hold a million answers in 12 MB, and the item- and
/// annotator-grouped indexes the algorithms need are built once on first use (counting sort, O(answers)).
/// </summary>
/// <remarks>
/// Items are 0..ItemCount-1, annotators 0..AnnotatorCount-1, labels 0..ClassCount-1. A dense label matrix
/// (items x sources, <see cref="LabelIndex.Abstain"/> where a source gave no label) converts with
/// <see cref="FromMatrix(int[,], int)"/>, which is how labeling-function outputs reuse these models.
/// </remarks>
public sealed class CrowdAnswers
{
    private AnswerIndex? _byItem;
    private AnswerIndex? _byAnnotator;

    /// <summary>Wraps the arrays (not copied) after checking every index is in range.</summary>
    public CrowdAnswers(int[] items, int[] annotators, int[] labels, int itemCount, int annotatorCount, int classCount)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(annotators);
        ArgumentNullException.ThrowIfNull(labels);
        if (items.Length != annotators.Length || items.Length != labels.Length)
            throw new ArgumentException("items, annotators and labels must have the same length.", nameof(labels));
        ArgumentOutOfRangeException.ThrowIfNegative(itemCount);
        ArgumentOutOfRangeException.ThrowIfNegative(annotatorCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        CheckRange(items, itemCount, nameof(items));
        CheckRange(annotators, annotatorCount, nameof(annotators));
        CheckRange(labels, classCount, nameof(labels));
        Items = items;
        Annotators = annotators;
        Labels = labels;
        ItemCount = itemCount;
        AnnotatorCount = annotatorCount;
        ClassCount = classCount;
    }

    /// <summary>The item of each answer.</summary>
    public int[] Items { get; }

    /// <summary>The annotator (annotator, labeling function) of each answer.</summary>
    public int[] Annotators { get; }

    /// <summary>The label of each answer, 0..ClassCount-1.</summary>
    public int[] Labels { get; }

    /// <summary>Number of answers.</summary>
    public int Count => Labels.Length;

    /// <summary>Number of items (some may have no answers).</summary>
    public int ItemCount { get; }

    /// <summary>Number of annotators.</summary>
    public int AnnotatorCount { get; }

    /// <summary>Number of classes.</summary>
    public int ClassCount { get; }

    internal AnswerIndex ByItem => _byItem ??= AnswerIndex.Build(Items, Annotators, Labels, ItemCount);

    internal AnswerIndex ByAnnotator => _byAnnotator ??= AnswerIndex.Build(Annotators, Items, Labels, AnnotatorCount);

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
        var annotators = new int[count];
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
                annotators[a] = j;
                labels[a++] = v;
            }
        }
        return new CrowdAnswers(items, annotators, labels, n, m, classCount);
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
        var annotators = new int[count];
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
                annotators[a] = j;
                labels[a++] = row[j];
            }
        }
        return new CrowdAnswers(items, annotators, labels, matrix.Length, m, classCount);
    }

    /// <summary>The same answers with every label mapped through <paramref name="map"/> (for one-vs-rest views).</summary>
    public CrowdAnswers Relabel(int[] map, int classCount)
    {
        ArgumentNullException.ThrowIfNull(map);
        var labels = new int[Count];
        for (var a = 0; a < labels.Length; a++)
            labels[a] = map[Labels[a]];
        return new CrowdAnswers(Items, Annotators, labels, ItemCount, AnnotatorCount, classCount);
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
