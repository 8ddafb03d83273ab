using System.Runtime.CompilerServices;

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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Rank(ReadOnlySpan<int> indices, ReadOnlySpan<int> labels, ProbabilityMatrix probabilities, LabelQualityMethod method)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        var scores = new double[indices.Length];
        var ranked = indices.ToArray();
        for (var i = 0; i < scores.Length; i++)
            scores[i] = Score(labels[ranked[i]], probabilities.Row(ranked[i]), method);
        // A primitive-key sort is several times faster than a comparison delegate; equal scores are then put in index order.
        Array.Sort(scores, ranked);
        for (int start = 0, end; start < scores.Length; start = end)
        {
            end = start + 1;
            while (end < scores.Length && scores[end] == scores[start])
                end++;
            if (end - start > 1)
                Array.Sort(ranked, start, end - start);
        }
        return ranked;
    }
}
