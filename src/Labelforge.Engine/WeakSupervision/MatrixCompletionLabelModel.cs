namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// A label model in the manner of Snorkel's (Ratner et al., "Training Complex Models with Multi-Task Weak
/// Supervision", AAAI 2019): sources are conditionally independent given the true label Y, and their
/// conditionals μ[(j,l),y] = P(λⱼ = l | Y = y) and the class balance p are learned without labels by fitting
/// the model's overlap matrix to the observed one, O ≈ μ diag(p) μᵀ off the diagonal blocks.
/// </summary>
/// <remarks>
/// Differences from Snorkel, each for a reason: (1) parameters are P(Y | λⱼ = l) logits, so the diagonal of O
/// (each source's firing rate) is matched exactly and low-coverage sources are on the same scale as
/// high-coverage ones; (2) the fit is weighted least squares plus a Gaussian prior at 70% precision and a
/// better-than-random constraint, so sparse overlaps weigh as little as the evidence they carry; (3) the class
/// balance is estimated jointly, and nested source pairs (deterministic dependencies) are left out;
/// (4) L-BFGS runs to convergence (hundreds of steps where Adam at a fixed step took thousands on wide
/// multi-class matrices), and the fit is deterministic (no random state); (5) the posterior is
/// P(Y = y | Λᵢ) ∝ p[y] Π_{j votes} μ[(j,λᵢⱼ),y], optionally with abstentions as evidence.
/// Fitting touches only the (mk × mk) statistics of <see cref="OverlapStatistics"/>, never a row.
/// </remarks>
public sealed class MatrixCompletionLabelModel(MatrixCompletionOptions? options = null) : ILabelModel
{
    private readonly MatrixCompletionOptions _options = options ?? new MatrixCompletionOptions();
    private double[]? _mu;
    private double[]? _balance;
    private int _k;

    /// <inheritdoc />
    public string Name => "matrix-completion";

    /// <summary>Learned μ as a row-major (mk × k) array: P(source j votes l | Y = y) at [(j·k + l)·k + y].</summary>
    public IReadOnlyList<double> Conditionals => _mu ?? throw new InvalidOperationException("call Fit first");

    /// <inheritdoc />
    public LabelModelDiagnostics Fit(LabelMatrix train, int cardinality) =>
        Fit(OverlapStatistics.Compute(train, cardinality));

    /// <summary>Fits from precomputed overlap statistics (the rows are not needed).</summary>
    public LabelModelDiagnostics Fit(OverlapStatistics stats)
    {
        _k = stats.Cardinality;
        var objective = new MatrixCompletionObjective(stats, _options);
        var x = objective.Start(_options.ClassBalance);
        var history = new List<double>();
        var converged = _options.Optimizer == MatrixCompletionOptimizer.Adam
            ? Minimize(objective, x, history)
            : new Lbfgs(x.Length).Minimize(objective.Evaluate, x, _options.MaxIterations, history, HasConverged);
        var (q, p) = objective.Decode(x);
        _balance = p;
        _mu = new double[q.Length];
        for (var a = 0; a < stats.Dimension; a++)
        {
            for (var y = 0; y < _k; y++)
                _mu[(a * _k) + y] = Math.Min(1.0, q[(a * _k) + y] * objective.Coverage[a] / p[y]);
        }
        return new LabelModelDiagnostics(history.Count, history, converged, p);
    }

    /// <inheritdoc />
    public double[,] PredictProbabilities(LabelMatrix matrix)
    {
        var mu = _mu ?? throw new InvalidOperationException("call Fit first");
        var k = _k;
        var m = mu.Length / (k * k);
        if (matrix.Columns != m)
            throw new ArgumentException($"the model was fit on {m} sources, the matrix has {matrix.Columns}", nameof(matrix));
        matrix.Validate(k);
        var (logVote, baseline) = LogTables(mu, m, k);
        var result = new double[matrix.Rows, k];
        Parallel.For(0, matrix.Rows, () => new double[k], (i, _, scores) =>
        {
            Array.Copy(baseline, scores, k);
            var row = matrix.Row(i);
            for (var j = 0; j < m; j++)
            {
                if (row[j] == LabelIndex.Abstain)
                    continue;
                var a = (j * k) + row[j];
                for (var y = 0; y < k; y++)
                    scores[y] += logVote[(a * k) + y];
            }
            WriteNormalized(scores, result, i);
            return scores;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// Per-vote log-likelihood increments (log μ minus the abstain term it replaces) and the all-abstain
    /// baseline log p[y] + Σⱼ log P(abstain | y), so a row costs one addition per vote.
    /// </summary>
    private (double[] LogVote, double[] Baseline) LogTables(double[] mu, int m, int k)
    {
        const double floor = 1e-6;
        var baseline = new double[k];
        var logAbstain = new double[m * k];
        for (var y = 0; y < k; y++)
            baseline[y] = Math.Log(Math.Max(_balance![y], floor));
        for (var j = 0; j < m; j++)
        {
            for (var y = 0; y < k; y++)
            {
                var fires = 0.0;
                for (var l = 0; l < k; l++)
                    fires += mu[(((j * k) + l) * k) + y];
                logAbstain[(j * k) + y] = _options.AbstainIsEvidence ? Math.Log(Math.Max(1 - fires, floor)) : 0;
                baseline[y] += logAbstain[(j * k) + y];
            }
        }
        var logVote = new double[mu.Length];
        for (var a = 0; a < m * k; a++)
        {
            for (var y = 0; y < k; y++)
                logVote[(a * k) + y] = Math.Log(Math.Max(mu[(a * k) + y], floor)) - logAbstain[((a / k) * k) + y];
        }
        return (logVote, baseline);
    }

    private static void WriteNormalized(double[] scores, double[,] result, int row)
    {
        var max = scores.Max();
        var sum = 0.0;
        for (var y = 0; y < scores.Length; y++)
            sum += Math.Exp(scores[y] - max);
        for (var y = 0; y < scores.Length; y++)
            result[row, y] = Math.Exp(scores[y] - max) / sum;
    }

    /// <summary>Whether the objective changed by less than the relative tolerance over the last <see cref="Window"/> iterations.</summary>
    private bool HasConverged(List<double> history) =>
        history.Count > Window
        && Math.Abs(history[^(Window + 1)] - history[^1]) <= _options.Tolerance * Math.Max(1.0, Math.Abs(history[^1]));

    private const int Window = 20;

    /// <summary>Adam from x; leaves in x the iterate with the lowest objective seen (Adam at a fixed step can drift past it).</summary>
    private bool Minimize(MatrixCompletionObjective objective, double[] x, List<double> history)
    {
        const double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
        var gradient = new double[x.Length];
        var first = new double[x.Length];
        var second = new double[x.Length];
        var best = (double[])x.Clone();
        var bestLoss = double.PositiveInfinity;
        var converged = false;
        for (var t = 1; t <= _options.MaxIterations && !converged; t++)
        {
            var loss = objective.Evaluate(x, gradient);
            history.Add(loss);
            if (loss < bestLoss)
            {
                bestLoss = loss;
                Array.Copy(x, best, x.Length);
            }
            if (HasConverged(history))
            {
                converged = true;
                continue;
            }
            var c1 = 1 - Math.Pow(beta1, t);
            var c2 = 1 - Math.Pow(beta2, t);
            for (var i = 0; i < x.Length; i++)
            {
                first[i] = (beta1 * first[i]) + ((1 - beta1) * gradient[i]);
                second[i] = (beta2 * second[i]) + ((1 - beta2) * gradient[i] * gradient[i]);
                x[i] -= _options.LearningRate * (first[i] / c1) / (Math.Sqrt(second[i] / c2) + epsilon);
            }
        }
        Array.Copy(best, x, x.Length);
        return converged;
    }
}
