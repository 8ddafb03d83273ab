using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// Gwet's AC1 (Gwet 2008, "Computing inter-rater reliability and its variance in the presence of high
/// agreement"): <c>AC1 = (P_a - P_e) / (1 - P_e)</c> with P_a the mean pairwise agreement over items with at
/// least two answers and <c>P_e = (1/(K-1)) sum_k pi_k (1 - pi_k)</c>, where
/// <c>pi_k = (1/n) sum_i n_ik / m_i</c> over all rated items. Unlike kappa it stays stable when one label
/// dominates. NaN with fewer than two classes.
/// </summary>
public static class GwetAc1
{
    /// <summary>Gwet's AC1; <paramref name="itemWeights"/> weights items (null: all 1).</summary>
    public static double Compute(CrowdAnswers answers, double[]? itemWeights = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        if (k < 2)
            return double.NaN;
        var tallies = ItemTallies.Compute(answers, itemWeights);
        if (tallies.RatedWeight == 0)
            return double.NaN;
        var chance = 0.0;
        foreach (var share in tallies.LabelShares)
        {
            var pi = share / tallies.RatedWeight;
            chance += pi * (1 - pi);
        }
        return FleissKappa.Kappa(tallies.Observed, chance / (k - 1));
    }
}
