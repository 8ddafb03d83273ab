using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// GLAD (Whitehill, Ruvolo, Wu, Bergsma and Movellan 2009, "Whose vote should count more: optimal integration
/// of labels from labelers of unknown expertise"): annotator j has ability <c>alpha_j</c> (negative for adversaries),
/// item i has inverse difficulty <c>beta_i = e^{b_i} &gt; 0</c>, and an annotator is right with probability
/// <c>sigma(alpha_j beta_i)</c>, wrong labels sharing the rest uniformly. EM from vote fractions: the E-step is
/// the one-coin E-step with per-answer accuracy; the M-step maximises
/// <c>Q = sum_{(i,j,l)} [T_il ln sigma(x) + (1 - T_il) ln((1 - sigma(x))/(K-1))] - (alpha_j - 1)^2/2 - b_i^2/2</c>,
/// <c>x = alpha_j beta_i</c>, whose gradient per answer is <c>(T_il - sigma(x))</c> times dx. It takes
/// <see cref="NewtonSteps"/> alternating Newton (Fisher scoring) steps on all alpha, then on all b; each
/// is a sum of independent one-dimensional problems, so the steps are exact and cheap. As in the paper the
/// class prior stays uniform: with an estimated prior, an item whose lone answer goes against the majority
/// class can be explained away as "hard", which flips answers nobody contradicted.
/// </summary>
public static class Glad
{
    /// <summary>Newton steps on alpha and on b per EM iteration.</summary>
    public const int NewtonSteps = 2;

    private const double MaxStep = 2.0;

    /// <summary>Runs GLAD; annotator skill is alpha_j and <see cref="ConsensusResult.ItemDifficulty"/> is 1/beta_i.</summary>
    public static ConsensusResult Run(CrowdAnswers answers, ConsensusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new ConsensusOptions();
        InferenceMath.CheckGold(answers, options.Gold);
        int n = answers.ItemCount, k = answers.ClassCount;
        var posteriors = InferenceMath.VoteFractions(answers, options.Gold);
        var alpha = new double[answers.AnnotatorCount];
        Array.Fill(alpha, 1.0);
        var logBeta = new double[n];
        var logRight = new double[answers.Count];
        var logWrong = new double[answers.Count];
        var priors = options.ClassPriors is null ? Enumerable.Repeat(1.0 / k, k).ToArray() : InferenceMath.PriorsFor(options, 0, [], 0, k);
        var history = new List<double>();
        var converged = false;
        for (var iteration = 0; iteration < options.MaxIterations && !converged; iteration++)
        {
            for (var step = 0; step < NewtonSteps; step++)
            {
                UpdateAlpha(answers, posteriors, alpha, logBeta, options);
                UpdateLogBeta(answers, posteriors, alpha, logBeta, options);
            }
            FillLogTerms(answers, alpha, logBeta, logRight, logWrong);
            var ll = SymmetricEStep.Run(answers, posteriors, priors, logRight, logWrong, options);
            converged = history.Count > 0 && InferenceMath.HasConverged(history[^1], ll, options.Tolerance ?? ConsensusOptions.DefaultTolerance);
            history.Add(ll);
        }
        var difficulty = new double[n];
        for (var i = 0; i < n; i++)
            difficulty[i] = Math.Exp(-logBeta[i]);
        return new ConsensusResult
        {
            Method = "glad",
            ClassCount = k,
            Posteriors = posteriors,
            Labels = InferenceMath.ArgMax(posteriors, answers, options.Gold),
            ClassPriors = priors,
            AnnotatorSkill = alpha,
            ItemDifficulty = difficulty,
            Iterations = history.Count,
            Converged = converged,
            LogLikelihoodHistory = [.. history],
        };
    }

    private static void UpdateAlpha(CrowdAnswers answers, double[] posteriors, double[] alpha, double[] logBeta, ConsensusOptions options)
    {
        var k = answers.ClassCount;
        var index = answers.ByAnnotator;
        var betas = new double[logBeta.Length];
        for (var i = 0; i < betas.Length; i++)
            betas[i] = Math.Exp(logBeta[i]);
        ParallelRange.For(answers.AnnotatorCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var w = from; w < to; w++)
            {
                // Prior N(1, 1) on alpha: gradient -(alpha - 1), curvature -1.
                double a = alpha[w], gradient = 1 - a, curvature = 1;
                for (var p = index.Start[w]; p < index.Start[w + 1]; p++)
                {
                    var i = index.Other[p];
                    var beta = betas[i];
                    var s = Sigmoid(a * beta);
                    gradient += (posteriors[(i * k) + index.Label[p]] - s) * beta;
                    curvature += s * (1 - s) * beta * beta;
                }
                alpha[w] = a + Math.Clamp(gradient / curvature, -MaxStep, MaxStep);
            }
        });
    }

    private static void UpdateLogBeta(CrowdAnswers answers, double[] posteriors, double[] alpha, double[] logBeta, ConsensusOptions options)
    {
        var k = answers.ClassCount;
        var index = answers.ByItem;
        ParallelRange.For(answers.ItemCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                // Prior N(0, 1) on b = ln beta, so beta = 1 is the typical item.
                double b = logBeta[i], beta = Math.Exp(b), gradient = -b, curvature = 1;
                for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                {
                    var a = alpha[index.Other[p]];
                    var s = Sigmoid(a * beta);
                    var dx = a * beta;
                    gradient += (posteriors[(i * k) + index.Label[p]] - s) * dx;
                    curvature += s * (1 - s) * dx * dx;
                }
                logBeta[i] = b + Math.Clamp(gradient / curvature, -MaxStep, MaxStep);
            }
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillLogTerms(CrowdAnswers answers, double[] alpha, double[] logBeta, double[] logRight, double[] logWrong)
    {
        var logOthers = Math.Log(Math.Max(1, answers.ClassCount - 1));
        var index = answers.ByItem;
        for (var i = 0; i < answers.ItemCount; i++)
        {
            var beta = Math.Exp(logBeta[i]);
            for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
            {
                // ln sigma(x) = -softplus(-x) and ln(1 - sigma(x)) = ln sigma(x) - x, one exp and one log per answer.
                var x = alpha[index.Other[p]] * beta;
                var right = -SymmetricEStep.Softplus(-x);
                logRight[p] = right;
                logWrong[p] = right - x - logOthers;
            }
        }
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
