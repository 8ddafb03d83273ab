using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters"):
/// <c>kappa = (P - P_e) / (1 - P_e)</c> with P the mean pairwise agreement per item (see
/// <see cref="PercentAgreement"/>) and <c>P_e = sum_k p_k^2</c>, p_k the share of all answers on label k.
/// Items may have different numbers of answers (each item's P_i is weighted equally, as in Fleiss'
/// formula); items with fewer than two answers are left out. NaN when chance agreement is 1 (one label only).
/// </summary>
public static class FleissKappa
{
    /// <summary>Fleiss' kappa; <paramref name="itemWeights"/> weights items (null: all 1).</summary>
    public static double Compute(CrowdAnswers answers, double[]? itemWeights = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var tallies = ItemTallies.Compute(answers, itemWeights);
        var total = 0.0;
        foreach (var t in tallies.PairableLabelTotals)
            total += t;
        if (total == 0)
            return double.NaN;
        var chance = 0.0;
        foreach (var t in tallies.PairableLabelTotals)
            chance += t / total * (t / total);
        return Kappa(tallies.Observed, chance);
    }

    internal static double Kappa(double observed, double chance) =>
        chance >= 1 - 1e-12 ? double.NaN : (observed - chance) / (1 - chance);
}
