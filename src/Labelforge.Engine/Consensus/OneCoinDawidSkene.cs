using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// One-coin Dawid-Skene (the symmetric special case of Dawid and Skene 1979; see also Karger, Oh and Shah 2011
/// and Zhang et al. 2014): annotator j answers the true label with probability <c>p_j</c> and each other label with
/// <c>(1 - p_j) / (K - 1)</c>. EM from vote fractions:
/// M-step <c>p_j = (sum_{(i,j,l)} T_il + s) / (n_j + 2 s)</c>, priors as in <see cref="DawidSkene"/>;
/// E-step <c>T_ik ∝ rho_k prod_{(i,j,l)} (l = k ? p_j : (1 - p_j)/(K - 1))</c>.
/// One parameter per annotator makes it robust when annotators answer few items.
/// </summary>
public static class OneCoinDawidSkene
{
    /// <summary>Runs one-coin Dawid-Skene EM; annotator skill is p_j.</summary>
    public static ConsensusResult Run(CrowdAnswers answers, ConsensusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new ConsensusOptions();
        InferenceMath.CheckGold(answers, options.Gold);
        int n = answers.ItemCount, k = answers.ClassCount;
        var posteriors = InferenceMath.VoteFractions(answers, options.Gold);
        var accuracy = new double[answers.AnnotatorCount];
        var logRight = new double[answers.Count];
        var logWrong = new double[answers.Count];
        var priors = new double[k];
        var history = new List<double>();
        var converged = false;
        for (var iteration = 0; iteration < options.MaxIterations && !converged; iteration++)
        {
            priors = InferenceMath.PriorsFor(options, options.Smoothing ?? ConsensusOptions.DefaultSmoothing, posteriors, n, k);
            EstimateAccuracy(answers, posteriors, accuracy, options.Smoothing ?? ConsensusOptions.DefaultSmoothing);
            FillLogTerms(answers, accuracy, logRight, logWrong);
            var ll = SymmetricEStep.Run(answers, posteriors, priors, logRight, logWrong, options);
            converged = history.Count > 0 && InferenceMath.HasConverged(history[^1], ll, options.Tolerance ?? ConsensusOptions.DefaultTolerance);
            history.Add(ll);
        }
        return new ConsensusResult
        {
            Method = "one-coin",
            ClassCount = k,
            Posteriors = posteriors,
            Labels = InferenceMath.ArgMax(posteriors, answers, options.Gold),
            ClassPriors = priors,
            AnnotatorSkill = accuracy,
            Iterations = history.Count,
            Converged = converged,
            LogLikelihoodHistory = [.. history],
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EstimateAccuracy(CrowdAnswers answers, double[] posteriors, double[] accuracy, double smoothing)
    {
        var k = answers.ClassCount;
        var index = answers.ByAnnotator;
        for (var w = 0; w < accuracy.Length; w++)
        {
            var right = 0.0;
            for (var p = index.Start[w]; p < index.Start[w + 1]; p++)
                right += posteriors[(index.Other[p] * k) + index.Label[p]];
            accuracy[w] = (right + smoothing) / (index.Size(w) + (2 * smoothing));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillLogTerms(CrowdAnswers answers, double[] accuracy, double[] logRight, double[] logWrong)
    {
        var others = Math.Max(1, answers.ClassCount - 1);
        var right = new double[accuracy.Length];
        var wrong = new double[accuracy.Length];
        for (var w = 0; w < accuracy.Length; w++)
        {
            // Keeps both logs finite when smoothing is 0 and an annotator is perfect (or perfectly wrong).
            var a = Math.Clamp(accuracy[w], 1e-12, 1 - 1e-12);
            right[w] = Math.Log(a);
            wrong[w] = Math.Log((1 - a) / others);
        }
        var annotatorOf = answers.ByItem.Other;
        for (var p = 0; p < logRight.Length; p++)
        {
            logRight[p] = right[annotatorOf[p]];
            logWrong[p] = wrong[annotatorOf[p]];
        }
    }
}
