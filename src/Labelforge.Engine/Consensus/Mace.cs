using System.Runtime.CompilerServices;

namespace Labelforge.Engine.Consensus;

/// <summary>
/// MACE (Hovy, Berg-Kirkpatrick, Vaswani and Hovy 2013, "Learning whom to trust with MACE"): annotator j is
/// competent with probability <c>theta_j</c> and then copies the true label; otherwise it "spams" a label
/// drawn from its own strategy <c>xi_j</c>. So <c>P(l | true k) = theta_j [l = k] + (1 - theta_j) xi_j(l)</c>.
/// EM: the E-step is the one-coin E-step with that likelihood; the M-step uses the expected competence of
/// each answer, <c>q = T_il theta_j / (theta_j + (1 - theta_j) xi_j(l))</c>:
/// <c>theta_j = (sum q + s) / (n_j + 2 s)</c>, <c>xi_j(l) = (sum_{answers l} (1 - q) + s) / (sum (1 - q) + K s)</c>.
/// The first run starts from vote fractions with theta = 0.5 and uniform strategies; each of
/// <see cref="ConsensusOptions.RandomRestarts"/> further runs starts from seeded random parameters, and the
/// highest final log-likelihood wins. Class priors are estimated unless fixed in the options (the paper keeps them uniform).
/// </summary>
public static class Mace
{
    /// <summary>Runs MACE; annotator skill is the competence theta_j.</summary>
    public static ConsensusResult Run(CrowdAnswers answers, ConsensusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        options ??= new ConsensusOptions();
        InferenceMath.CheckGold(answers, options.Gold);
        var best = RunOnce(answers, options, null);
        var random = new Random(options.Seed);
        for (var r = 0; r < options.RandomRestarts; r++)
        {
            var candidate = RunOnce(answers, options, random);
            if (candidate.LogLikelihoodHistory[^1] > best.LogLikelihoodHistory[^1])
                best = candidate;
        }
        return best;
    }

    private static ConsensusResult RunOnce(CrowdAnswers answers, ConsensusOptions options, Random? random)
    {
        int n = answers.ItemCount, k = answers.ClassCount, m = answers.AnnotatorCount;
        var theta = new double[m];
        var strategy = new double[m * k];
        var logRight = new double[answers.Count];
        var logWrong = new double[answers.Count];
        var priors = new double[k];
        Array.Fill(priors, 1.0 / k);
        double[] posteriors;
        if (random is null)
        {
            Array.Fill(theta, 0.5);
            Array.Fill(strategy, 1.0 / k);
            posteriors = InferenceMath.VoteFractions(answers, options.Gold);
        }
        else
        {
            RandomParameters(theta, strategy, k, random);
            posteriors = new double[n * k];
            FillLogTerms(answers, theta, strategy, logRight, logWrong);
            SymmetricEStep.Run(answers, posteriors, priors, logRight, logWrong, options);
        }
        var history = new List<double>();
        var converged = false;
        for (var iteration = 0; iteration < options.MaxIterations && !converged; iteration++)
        {
            priors = InferenceMath.PriorsFor(options, options.Smoothing ?? ConsensusOptions.DefaultSmoothing, posteriors, n, k);
            MStep(answers, posteriors, theta, strategy, options);
            FillLogTerms(answers, theta, strategy, logRight, logWrong);
            var ll = SymmetricEStep.Run(answers, posteriors, priors, logRight, logWrong, options);
            converged = history.Count > 0 && InferenceMath.HasConverged(history[^1], ll, options.Tolerance ?? ConsensusOptions.DefaultTolerance);
            history.Add(ll);
        }
        return new ConsensusResult
        {
            Method = "mace",
            ClassCount = k,
            Posteriors = posteriors,
            Labels = InferenceMath.ArgMax(posteriors, answers, options.Gold),
            ClassPriors = priors,
            AnnotatorSkill = theta,
            Iterations = history.Count,
            Converged = converged,
            LogLikelihoodHistory = [.. history],
        };
    }

    private static void RandomParameters(double[] theta, double[] strategy, int k, Random random)
    {
        for (var w = 0; w < theta.Length; w++)
        {
            theta[w] = 0.2 + (0.7 * random.NextDouble());
            var row = strategy.AsSpan(w * k, k);
            var total = 0.0;
            for (var l = 0; l < k; l++)
                total += row[l] = 0.1 + random.NextDouble();
            for (var l = 0; l < k; l++)
                row[l] /= total;
        }
    }

    private static void MStep(CrowdAnswers answers, double[] posteriors, double[] theta, double[] strategy, ConsensusOptions options)
    {
        var k = answers.ClassCount;
        var s = options.Smoothing ?? ConsensusOptions.DefaultSmoothing;
        var index = answers.ByAnnotator;
        ParallelRange.For(answers.AnnotatorCount, options.MaxDegreeOfParallelism, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (from, to) =>
        {
            Span<double> spam = k <= 256 ? stackalloc double[k] : new double[k];
            for (var w = from; w < to; w++)
            {
                spam.Clear();
                var row = strategy.AsSpan(w * k, k);
                double t = theta[w], competent = 0, spamTotal = 0;
                for (var p = index.Start[w]; p < index.Start[w + 1]; p++)
                {
                    var l = index.Label[p];
                    var q = posteriors[(index.Other[p] * k) + l] * t / (t + ((1 - t) * row[l]));
                    competent += q;
                    spam[l] += 1 - q;
                    spamTotal += 1 - q;
                }
                theta[w] = (competent + s) / (index.Size(w) + (2 * s));
                for (var l = 0; l < k; l++)
                    row[l] = (spam[l] + s) / (spamTotal + (k * s));
            }
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillLogTerms(CrowdAnswers answers, double[] theta, double[] strategy, double[] logRight, double[] logWrong)
    {
        var k = answers.ClassCount;
        // Both terms depend only on (annotator, label): K logs per annotator instead of two per answer.
        var right = new double[strategy.Length];
        var wrong = new double[strategy.Length];
        for (var w = 0; w < theta.Length; w++)
        {
            var t = Math.Clamp(theta[w], 1e-12, 1 - 1e-12);
            for (var l = 0; l < k; l++)
            {
                var spam = (1 - t) * strategy[(w * k) + l];
                right[(w * k) + l] = Math.Log(t + spam);
                wrong[(w * k) + l] = Math.Log(spam);
            }
        }
        var index = answers.ByItem;
        for (var p = 0; p < logRight.Length; p++)
        {
            var cell = (index.Other[p] * k) + index.Label[p];
            logRight[p] = right[cell];
            logWrong[p] = wrong[cell];
        }
    }
}
