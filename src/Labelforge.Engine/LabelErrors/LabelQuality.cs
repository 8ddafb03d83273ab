namespace Labelforge.Engine.LabelErrors;

/// <summary>
/// Label quality scores in [0, 1] from out-of-sample probabilities; low means the given label is likely wrong.
/// Self-confidence s(x) = p(ỹ | x); normalized margin m(x) = (p(ỹ | x) - max_{j≠ỹ} p(j | x) + 1) / 2
/// (Kuan &amp; Mueller, "Model-Agnostic Label Quality Scoring to Detect Real-World Label Errors", ICML DataPerf 2022).
/// </summary>
public static class LabelQuality
{
    /// <summary>The score of every item.</summary>
    public static double[] Scores(ReadOnlySpan<int> labels, ProbabilityMatrix probabilities, LabelQualityMethod method)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var scores = new double[labels.Length];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Score(labels[i], probabilities.Row(i), method);
        return scores;
    }

    /// <summary>The score of one item with given label <paramref name="label"/> and probabilities <paramref name="row"/>.</summary>
    public static double Score(int label, ReadOnlySpan<float> row, LabelQualityMethod method)
    {
        double self = row[label];
        if (method == LabelQualityMethod.SelfConfidence)
            return self;
        var other = double.NegativeInfinity;
        for (var j = 0; j < row.Length; j++)
        {
            if (j != label && row[j] > other)
                other = row[j];
        }
        if (double.IsNegativeInfinity(other))
            other = 0;
        return (self - other + 1) / 2;
    }

    /// <summary>
    /// Orders <paramref name="indices"/> by ascending quality score (most suspicious first); ties keep the lower index first.
    /// </summary>
    public static int[] Rank(ReadOnlySpan<int> indices, ReadOnlySpan<int> labels, ProbabilityMatrix probabilities, LabelQualityMethod method)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var keys = new (double Score, int Index)[indices.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            var row = indices[i];
            keys[i] = (Score(labels[row], probabilities.Row(row), method), row);
        }
        Array.Sort(keys, static (a, b) => a.Score != b.Score ? a.Score.CompareTo(b.Score) : a.Index.CompareTo(b.Index));
        var ranked = new int[keys.Length];
        for (var i = 0; i < ranked.Length; i++)
            ranked[i] = keys[i].Index;
        return ranked;
    }
}
