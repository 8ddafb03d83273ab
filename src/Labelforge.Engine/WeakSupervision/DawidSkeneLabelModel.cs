namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Dawid-Skene for labeling functions (Dawid &amp; Skene, "Maximum Likelihood Estimation of Observer
/// Error-Rates Using the EM Algorithm", Applied Statistics 1979): each source j has a confusion matrix
/// πⱼ[y, o] = P(λⱼ = o | Y = y) and classes have prior p. EM alternates
/// E: Tᵢ[y] ∝ p[y] Πⱼ πⱼ[y, λᵢⱼ] and M: p[y] ∝ α + Σᵢ Tᵢ[y], πⱼ[y, o] ∝ α + Σᵢ Tᵢ[y]·[λᵢⱼ = o],
/// starting from majority vote. Unlike crowd consensus, an abstention is an outcome o = k (not missing):
/// a labeling function that only ever votes one class would otherwise carry no information.
/// Identical rows are grouped, so each round costs one pass over the distinct rows.
/// </summary>
public sealed class DawidSkeneLabelModel(DawidSkeneOptions? options = null) : ILabelModel
{
    private readonly DawidSkeneOptions _options = options ?? new DawidSkeneOptions();
    private double[]? _logConfusion;
    private double[]? _logPrior;
    private int _k;

    /// <inheritdoc />
    public string Name => "dawid-skene";

    /// <inheritdoc />
    public LabelModelDiagnostics Fit(LabelMatrix train, int cardinality)
    {
        train.Validate(cardinality);
        _k = cardinality;
        var patterns = RowPatterns.Group(train);
        var posterior = InitialPosterior(patterns, cardinality);
        var history = new List<double>();
        var converged = false;
        for (var round = 0; round < _options.MaxIterations && !converged; round++)
        {
            MaximizationStep(patterns, posterior, train.Columns);
            var logLikelihood = ExpectationStep(patterns, posterior) / Math.Max(1, train.Rows);
            converged = history.Count > 0 && Math.Abs(logLikelihood - history[^1]) < _options.Tolerance;
            history.Add(logLikelihood);
        }
        var prior = _logPrior!.Select(Math.Exp).ToArray();
        return new LabelModelDiagnostics(history.Count, history, converged, prior);
    }

    /// <inheritdoc />
    public double[,] PredictProbabilities(LabelMatrix matrix)
    {
        if (_logConfusion is null)
            throw new InvalidOperationException("call Fit first");
        matrix.Validate(_k);
        var patterns = RowPatterns.Group(matrix);
        var posterior = new double[patterns.Count * _k];
        ExpectationStep(patterns, posterior);
        var result = new double[matrix.Rows, _k];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var p = patterns.PatternOfRow[i];
            for (var y = 0; y < _k; y++)
                result[i, y] = posterior[(p * _k) + y];
        }
        return result;
    }

    private static double[] InitialPosterior(RowPatterns patterns, int k)
    {
        var posterior = new double[patterns.Count * k];
        var counts = new int[k];
        for (var p = 0; p < patterns.Count; p++)
        {
            Array.Clear(counts);
            foreach (var cell in patterns.Row(p))
            {
                if (cell != LabelIndex.Abstain)
                    counts[cell]++;
            }
            var best = counts.Max();
            var ties = counts.Count(c => c == best);
            for (var y = 0; y < k; y++)
                posterior[(p * k) + y] = counts[y] == best ? 1.0 / ties : 0;
        }
        return posterior;
    }

    private void MaximizationStep(RowPatterns patterns, double[] posterior, int m)
    {
        var k = _k;
        var outcomes = k + 1;
        var alpha = _options.Smoothing;
        var confusion = new double[m * k * outcomes];
        Array.Fill(confusion, alpha);
        var prior = Enumerable.Repeat(alpha, k).ToArray();
        for (var p = 0; p < patterns.Count; p++)
        {
            var row = patterns.Row(p);
            var weight = patterns.Counts[p];
            for (var y = 0; y < k; y++)
            {
                var t = weight * posterior[(p * k) + y];
                prior[y] += t;
                for (var j = 0; j < m; j++)
                    confusion[(((j * k) + y) * outcomes) + Outcome(row[j], k)] += t;
            }
        }
        _logPrior = Normalize(prior, 1, k);
        _logConfusion = Normalize(confusion, m * k, outcomes);
    }

    /// <summary>Writes Tᵢ for every pattern and returns the total log-likelihood Σᵢ log Σ_y p[y] Πⱼ πⱼ[y, λᵢⱼ].</summary>
    private double ExpectationStep(RowPatterns patterns, double[] posterior)
    {
        var k = _k;
        var outcomes = k + 1;
        var total = 0.0;
        var scores = new double[k];
        for (var p = 0; p < patterns.Count; p++)
        {
            var row = patterns.Row(p);
            for (var y = 0; y < k; y++)
            {
                var s = _logPrior![y];
                for (var j = 0; j < row.Length; j++)
                    s += _logConfusion![(((j * k) + y) * outcomes) + Outcome(row[j], k)];
                scores[y] = s;
            }
            var max = scores.Max();
            var sum = scores.Sum(s => Math.Exp(s - max));
            for (var y = 0; y < k; y++)
                posterior[(p * k) + y] = Math.Exp(scores[y] - max) / sum;
            total += patterns.Counts[p] * (max + Math.Log(sum));
        }
        return total;
    }

    private static int Outcome(short cell, int k) => cell == LabelIndex.Abstain ? k : cell;

    private static double[] Normalize(double[] counts, int rows, int width)
    {
        var logs = new double[counts.Length];
        for (var r = 0; r < rows; r++)
        {
            var sum = 0.0;
            for (var o = 0; o < width; o++)
                sum += counts[(r * width) + o];
            for (var o = 0; o < width; o++)
                logs[(r * width) + o] = Math.Log(counts[(r * width) + o] / sum);
        }
        return logs;
    }
}
