using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// Weighted majority vote: item i scores <c>s_ik = sum_j w_j [l_ij = k]</c> and takes the arg-max; the
/// posterior is <c>softmax_k(s_ik)</c>, which is the exact posterior under a one-coin model with uniform
/// priors when <c>w_j = ln((K-1) p_j / (1 - p_j))</c> (Nitzan and Paroush 1982; Littlestone and Warmuth 1994
/// for the general weighted vote). Without <see cref="ConsensusOptions.AnnotatorWeights"/> the weights come
/// from each annotator's smoothed agreement p_j with plain majority vote.
/// </summary>
public static class WeightedMajorityVote
{
    /// <summary>Runs weighted majority vote with given or estimated annotator weights.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ConsensusResult Run(CrowdAnswers answers, ConsensusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new ConsensusOptions();
        InferenceMath.CheckGold(answers, options.Gold);
        var weights = options.AnnotatorWeights ?? EstimateWeights(answers, options);
        if (weights.Length != answers.AnnotatorCount)
            throw new ArgumentException($"AnnotatorWeights needs one weight per annotator ({answers.AnnotatorCount}).", nameof(options));
        int n = answers.ItemCount, k = answers.ClassCount;
        var index = answers.ByItem;
        var posteriors = new double[n * k];
        var labels = new int[n];
        var random = new Random(options.Seed);
        var tiedBuffer = new int[k];
        for (var i = 0; i < n; i++)
        {
            var row = posteriors.AsSpan(i * k, k);
            for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                row[index.Label[p]] += weights[index.Other[p]];
            var gold = InferenceMath.GoldOf(options.Gold, i);
            labels[i] = gold != LabelIndex.Abstain ? gold
                : index.Size(i) == 0 ? LabelIndex.Abstain
                : MajorityVote.Choose(row, tiedBuffer, options.TieBreak, random);
            InferenceMath.NormalizeLog(row);
        }
        InferenceMath.ClampGold(posteriors, options.Gold, k);
        return new ConsensusResult
        {
            Method = "weighted-majority",
            ClassCount = k,
            Posteriors = posteriors,
            Labels = labels,
            ClassPriors = InferenceMath.Priors(posteriors, n, k, 0),
            AnnotatorSkill = weights,
            Iterations = 1,
            Converged = true,
            LogLikelihoodHistory = [],
        };
    }

    private static double[] EstimateWeights(CrowdAnswers answers, ConsensusOptions options)
    {
        var majority = MajorityVote.Run(answers, options).Labels;
        var hits = new double[answers.AnnotatorCount];
        var total = new double[answers.AnnotatorCount];
        for (var a = 0; a < answers.Count; a++)
        {
            var chosen = majority[answers.Items[a]];
            if (chosen == LabelIndex.Abstain)
                continue;
            total[answers.Annotators[a]]++;
            if (answers.Labels[a] == chosen)
                hits[answers.Annotators[a]]++;
        }
        var k = answers.ClassCount;
        var weights = new double[answers.AnnotatorCount];
        // One pseudo-answer split like a random guesser keeps weights finite for perfect or unseen annotators.
        for (var w = 0; w < weights.Length; w++)
        {
            var p = (hits[w] + (1.0 / k)) / (total[w] + 1);
            weights[w] = k > 1 ? Math.Log((k - 1) * p / (1 - p)) : 0;
        }
        return weights;
    }
}
