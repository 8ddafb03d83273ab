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
        var ranked = indices.ToArray();
        // The sort is stable, so equal scores keep index order once the indices are ascending (as the detector gives them).
        if (!IsAscending(ranked))
        {
            var order = new double[ranked.Length];
            for (var i = 0; i < order.Length; i++)
                order[i] = ranked[i];
            StableKeySort.Sort(order, ranked);
        }
        var scores = new double[ranked.Length];
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Score(labels[ranked[i]], probabilities.Row(ranked[i]), method);
        StableKeySort.Sort(scores, ranked);
        return ranked;
    }

    private static bool IsAscending(int[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] < values[i - 1])
                return false;
        }
        return true;
    }
}
