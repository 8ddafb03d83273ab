namespace Labelforge.Engine.ActiveLearning;

/// <summary>
/// Picks the next batch of pool items to label. Pure: probabilities of the current model on the pool (n x k),
/// optional feature vectors for the diversity strategies, a batch size and a seed in; pool row indices out, in
/// pick order. Uncertainty strategies use a bounded-heap top-b selection, O(n k + n log b), never a full sort.
/// </summary>
public static class ActiveLearningQuery
{
    /// <summary>Selects up to <paramref name="batchSize"/> distinct pool rows.</summary>
    /// <param name="probabilities">Current model's p(class | item) for every pool item.</param>
    /// <param name="batchSize">b, how many to pick.</param>
    /// <param name="options">Strategy and seed; defaults when null.</param>
    /// <param name="features">Row-major feature vectors of the pool (needed by the diversity strategies).</param>
    /// <param name="featureDimension">Floats per feature vector.</param>
    /// <param name="duplicateOf">
    /// Optional, for the uncertainty strategies: a group id per pool row, shared by rows whose model input is identical
    /// (for example the first such row). A batch then holds at most one row of each such group: identical inputs get identical scores, so
    /// they tie and would otherwise fill a batch with copies whose labels teach the model nothing the first did not.
    /// </param>
    /// <exception cref="ArgumentException">A diversity strategy without features of matching size.</exception>
    public static int[] Select(ProbabilityMatrix probabilities, int batchSize, QueryOptions? options = null, float[]? features = null, int featureDimension = 0, int[]? duplicateOf = null)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfNegative(batchSize);
        options ??= new QueryOptions();
        var n = probabilities.RowCount;
        switch (options.Strategy)
        {
            case QueryStrategy.Random:
                return RandomSample(n, batchSize, new Random(options.Seed));
            case QueryStrategy.Diversity:
                RequireFeatures(features, featureDimension, n);
                return KMeansPlusPlus.Seed(features!, featureDimension, AllRows(n), batchSize, new Random(options.Seed));
            case QueryStrategy.UncertaintyDiversity:
                RequireFeatures(features, featureDimension, n);
                var margins = UncertaintyScores.Compute(probabilities, QueryStrategy.Margin);
                var candidates = TopK.Largest(margins, batchSize * Math.Max(options.CandidateFactor, 1));
                return KMeansPlusPlus.Seed(features!, featureDimension, candidates, batchSize, new Random(options.Seed));
            default:
                var scores = UncertaintyScores.Compute(probabilities, options.Strategy);
                return duplicateOf is null ? TopK.Largest(scores, batchSize) : DistinctLargest(scores, batchSize, duplicateOf);
        }
    }

    /// <summary>The <paramref name="count"/> largest scores, largest first, skipping rows whose group (<paramref name="duplicateOf"/>) is already taken.</summary>
    public static int[] DistinctLargest(double[] scores, int count, int[] duplicateOf)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(duplicateOf);
        if (duplicateOf.Length != scores.Length)
            throw new ArgumentException($"duplicateOf needs one entry per pool row ({scores.Length})", nameof(duplicateOf));
        for (var take = Math.Min(count, scores.Length); ; take = Math.Min(scores.Length, take * 4))
        {
            var seen = new HashSet<int>();
            var picked = TopK.Largest(scores, take).Where(r => seen.Add(duplicateOf[r])).Take(count).ToArray();
            if (picked.Length == count || take == scores.Length)
                return picked;
        }
    }

    /// <summary>A uniform sample of <paramref name="count"/> of 0..n-1 by a partial Fisher–Yates shuffle.</summary>
    public static int[] RandomSample(int n, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        count = Math.Min(count, n);
        var rows = AllRows(n);
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, n);
            (rows[i], rows[j]) = (rows[j], rows[i]);
        }
        return rows[..count];
    }

    private static int[] AllRows(int n)
    {
        var rows = new int[n];
        for (var i = 0; i < n; i++)
            rows[i] = i;
        return rows;
    }

    private static void RequireFeatures(float[]? features, int dimension, int n)
    {
        if (features is null || dimension < 1 || features.Length != n * dimension)
            throw new ArgumentException($"diversity strategies need {n} feature vectors of the given dimension", nameof(features));
    }
}
