using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// The E-step of every model where an answer only distinguishes "the true label is my label" from "it is
/// any other": one-coin Dawid-Skene, GLAD and MACE. Answer p (in item order) contributes <c>logRight[p]</c>
/// to its own label and <c>logWrong[p]</c> to every other label, so an item costs O(answers + K), not O(answers K).
/// </summary>
internal static class SymmetricEStep
{
    /// <summary>Fills the posteriors (gold clamped) and returns the marginal log-likelihood.</summary>
    public static double Run(
        CrowdAnswers answers, double[] posteriors, double[] priors, double[] logRight, double[] logWrong, ConsensusOptions options)
    {
        var k = answers.ClassCount;
        var index = answers.ByItem;
        var gold = options.Gold;
        var logPriors = new double[k];
        for (var c = 0; c < k; c++)
            logPriors[c] = Math.Log(priors[c]);
        return ParallelRange.Sum(answers.ItemCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            var ll = 0.0;
            for (var i = from; i < to; i++)
            {
                var row = posteriors.AsSpan(i * k, k);
                var wrong = 0.0;
                for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                    wrong += logWrong[p];
                for (var c = 0; c < k; c++)
                    row[c] = logPriors[c] + wrong;
                for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                    row[index.Label[p]] += logRight[p] - logWrong[p];
                var g = InferenceMath.GoldOf(gold, i);
                if (g == LabelIndex.Abstain)
                {
                    ll += InferenceMath.NormalizeLog(row);
                    continue;
                }
                ll += row[g];
                row.Clear();
                row[g] = 1;
            }
            return ll;
        });
    }

    /// <summary>ln(1 + e^x) without overflow.</summary>
    public static double Softplus(double x) => x > 0 ? x + Math.Log(1 + Math.Exp(-x)) : Math.Log(1 + Math.Exp(x));
}
