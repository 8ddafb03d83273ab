using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// Percent agreement: the mean over items with at least two answers of the share of agreeing answer pairs,
/// <c>P = (1/N) sum_i sum_k n_ik (n_ik - 1) / (m_i (m_i - 1))</c>; for two annotators it is the share of
/// items they labeled alike. Not chance-corrected. NaN when no item has two answers.
/// </summary>
public static class PercentAgreement
{
    /// <summary>Percent agreement (0..1); <paramref name="itemWeights"/> weights items (null: all 1).</summary>
    public static double Compute(CrowdAnswers answers, double[]? itemWeights = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return ItemTallies.Compute(answers, itemWeights).Observed;
    }
}
