using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// Majority vote: each item gets the label most annotators gave it, <c>argmax_k sum_j [l_ij = k]</c>;
/// the posterior is the vote fraction. Ties follow <see cref="ConsensusOptions.TieBreak"/>; gold items keep
/// their gold label. Annotator skill is the share of an annotator's answers that match the result.
/// </summary>
public static class MajorityVote
{
    /// <summary>Runs majority vote over the answers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ConsensusResult Run(CrowdAnswers answers, ConsensusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new ConsensusOptions();
        InferenceMath.CheckGold(answers, options.Gold);
        int n = answers.ItemCount, k = answers.ClassCount;
        var posteriors = InferenceMath.VoteFractions(answers, options.Gold);
        var labels = new int[n];
        var random = new Random(options.Seed);
        var start = answers.ByItem.Start;
        var tiedBuffer = new int[k];
        for (var i = 0; i < n; i++)
        {
            var gold = InferenceMath.GoldOf(options.Gold, i);
            if (gold != LabelIndex.Abstain)
                labels[i] = gold;
            else if (start[i + 1] == start[i])
                labels[i] = LabelIndex.Abstain;
            else
                labels[i] = Choose(posteriors.AsSpan(i * k, k), tiedBuffer, options.TieBreak, random);
        }
        return new ConsensusResult
        {
            Method = "majority",
            ClassCount = k,
            Posteriors = posteriors,
            Labels = labels,
            ClassPriors = InferenceMath.Priors(posteriors, n, k, 0),
            AnnotatorSkill = InferenceMath.AgreementWithLabels(answers, labels),
            Iterations = 1,
            Converged = true,
            LogLikelihoodHistory = [],
        };
    }

    /// <summary>Picks the top-scoring label of a row, resolving exact ties as asked.</summary>
    internal static int Choose(ReadOnlySpan<double> scores, int[] tiedBuffer, TieBreak tieBreak, Random random)
    {
        var max = double.NegativeInfinity;
        foreach (var v in scores)
            max = Math.Max(max, v);
        var tiedCount = 0;
        for (var c = 0; c < scores.Length; c++)
        {
            // Vote fractions are sums of the same 1/m terms, so equal counts compare exactly equal.
            if (scores[c] == max)
                tiedBuffer[tiedCount++] = c;
        }
        if (tiedCount == 1 || tieBreak == TieBreak.Lowest)
            return tiedBuffer[0];
        return tieBreak == TieBreak.Abstain ? LabelIndex.Abstain : tiedBuffer[random.Next(tiedCount)];
    }
}
