namespace Labelforge.Engine.ActiveLearning;

/// <summary>
/// Turns one model's view of the unlabeled pool into a labeling-queue order. Uncertainty strategies rank the
/// <c>depth</c> most uncertain items, most uncertain first (Settles 2009: least confidence 1 - p(ŷ|x), margin
/// 1 - (p(ŷ₁|x) - p(ŷ₂|x)), entropy -Σ p ln p). Diversity strategies pick a <c>head</c> of items at once with
/// <see cref="ActiveLearningQuery.Select"/> (k-means++ seeding, Arthur &amp; Vassilvitskii 2007; uncertainty + diversity
/// seeds among the β·head smallest margins, Zhdanov 2019); uncertainty + diversity then continues with the remaining
/// items by margin up to <c>depth</c>, pure diversity stops after the head. Items not ranked are left to the caller's
/// fallback order. Random ranks nothing.
/// </summary>
public static class QueueRanking
{
    /// <summary>Pool rows in queue order and each ranked row's uncertainty score (margin for the diversity strategies).</summary>
    /// <param name="probabilities">The model's p(class | item) for every pool item (n x k).</param>
    /// <param name="options">Strategy and seed.</param>
    /// <param name="head">How many items a diversity strategy chooses together.</param>
    /// <param name="depth">The most items to rank.</param>
    /// <param name="features">Row-major pool feature vectors (diversity strategies only).</param>
    /// <param name="featureDimension">Floats per feature vector.</param>
    /// <param name="duplicateOf">
    /// Optional group id per pool row, shared by rows with identical model input: the uncertainty strategies then rank
    /// one row per group (see <see cref="ActiveLearningQuery.Select"/>) and leave its copies to the fallback order.
    /// </param>
    public static RankedPool Rank(ProbabilityMatrix probabilities, QueryOptions options, int head, int depth, float[]? features = null, int featureDimension = 0, int[]? duplicateOf = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(head);
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        var n = probabilities.RowCount;
        depth = Math.Min(depth, n);
        if (options.Strategy == QueryStrategy.Random || depth == 0)
            return new RankedPool([], []);
        var scoring = options.Strategy is QueryStrategy.Diversity or QueryStrategy.UncertaintyDiversity ? QueryStrategy.Margin : options.Strategy;
        var scores = UncertaintyScores.Compute(probabilities, scoring);
        int[] rows;
        if (scoring == options.Strategy)
        {
            rows = duplicateOf is null ? TopK.Largest(scores, depth) : ActiveLearningQuery.DistinctLargest(scores, depth, duplicateOf);
        }
        else
        {
            var picked = ActiveLearningQuery.Select(probabilities, Math.Min(head, depth), options, features, featureDimension);
            rows = options.Strategy == QueryStrategy.Diversity ? picked : Continue(picked, scores, depth);
        }
        return new RankedPool(rows, rows.Select(r => scores[r]).ToArray());
    }

    // The head, then the most uncertain of the rest, up to depth.
    private static int[] Continue(int[] head, double[] scores, int depth)
    {
        var inHead = new HashSet<int>(head);
        var rest = TopK.Largest(scores, Math.Min(depth, scores.Length)).Where(r => !inHead.Contains(r));
        return [.. head, .. rest.Take(depth - head.Length)];
    }
}
