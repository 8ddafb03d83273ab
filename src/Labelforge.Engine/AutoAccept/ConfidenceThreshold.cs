namespace Labelforge.Engine.AutoAccept;

/// <summary>
/// Confidence-gated auto-accept. Given the model's confidence on human-verified items and whether its label matched
/// the human one, every distinct confidence t (highest first) is a candidate: the verified items with confidence ≥ t
/// number n_t, k_t of them correct. The chosen threshold is the lowest t whose one-sided lower confidence bound
/// L(k_t, n_t, α) (<see cref="BinomialBounds"/>) reaches the target precision, so "the precision of what we accept is at
/// least the target" holds at level 1 - α for that set (Clopper &amp; Pearson 1934; Wilson 1927). Coverage is the share
/// of unlabeled items whose confidence is ≥ t. Raising the target or lowering α can only raise the threshold and
/// lower the coverage, since the passing candidates then form a subset. Candidates whose observed precision k_t/n_t is
/// below the target are skipped (the bound is never above the observed rate).
/// </summary>
public static class ConfidenceThreshold
{
    /// <param name="confidences">Model confidence (probability of its label) on each verified item.</param>
    /// <param name="correct">Whether the model's label equals the human label, per verified item.</param>
    /// <param name="unlabeledConfidences">Model confidence on each item without a human label.</param>
    /// <param name="options">Target, α and bound; defaults 0.98, 0.05, Clopper-Pearson.</param>
    public static AutoAcceptThreshold Select(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct,
        IReadOnlyList<double> unlabeledConfidences, AutoAcceptOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        ArgumentNullException.ThrowIfNull(correct);
        ArgumentNullException.ThrowIfNull(unlabeledConfidences);
        if (confidences.Count != correct.Count)
            throw new ArgumentException($"{confidences.Count} confidences but {correct.Count} outcomes");
        options ??= new AutoAcceptOptions();
        if (options.TargetPrecision is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.TargetPrecision, "target precision must be between 0 and 1");
        var order = Enumerable.Range(0, confidences.Count).OrderByDescending(i => confidences[i]).ToArray();
        var minimum = (int)Math.Ceiling(Math.Log(options.Alpha) / Math.Log(options.TargetPrecision));
        (double T, int N, int K)? best = null;
        int k = 0, checkedCount = 0;
        for (var at = 0; at < order.Length; at++)
        {
            if (correct[order[at]])
                k++;
            var t = confidences[order[at]];
            if (at + 1 < order.Length && confidences[order[at + 1]] == t)
                continue; // ties enter together: a threshold accepts all items at its confidence
            var n = at + 1;
            if ((double)k / n < options.TargetPrecision)
                continue;
            checkedCount++;
            if (BinomialBounds.LowerReaches(k, n, options.Alpha, options.TargetPrecision, options.Bound))
                best = (t, n, k);
        }
        if (best is not { } b)
            return new AutoAcceptThreshold(null, 0, 0, 0, 0, 0, unlabeledConfidences.Count, minimum, checkedCount);
        var covered = unlabeledConfidences.Count(c => c >= b.T);
        var bound = BinomialBounds.Lower(b.K, b.N, options.Alpha, options.Bound); // the bound itself, for the chosen one only
        return new AutoAcceptThreshold(b.T, b.N, b.K, (double)b.K / b.N, bound, covered, unlabeledConfidences.Count, minimum, checkedCount);
    }
}
