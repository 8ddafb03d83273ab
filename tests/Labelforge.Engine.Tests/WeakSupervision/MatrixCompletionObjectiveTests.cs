using Labelforge.Engine.Synthetic;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

/// <summary>
/// The objective sums its data term in closed form plus a correction over co-firing pairs; it must equal the
/// plain sum over every off-block entry of O, and its gradient must match finite differences.
/// </summary>
public class MatrixCompletionObjectiveTests
{
    private const int K = 3;

    [Fact]
    public void Objective_equals_the_dense_definition_on_sparse_sources()
    {
        var (stats, objective, x) = Problem();
        var expected = DenseObjective(stats, objective, x);
        var actual = objective.Evaluate(x, new double[x.Length]);
        Assert.Equal(expected, actual, Math.Abs(expected) * 1e-9);
    }

    [Fact]
    public void Gradient_matches_finite_differences()
    {
        var (_, objective, x) = Problem();
        var gradient = new double[x.Length];
        objective.Evaluate(x, gradient);
        var scratch = new double[x.Length];
        for (var i = 0; i < x.Length; i += 7)
        {
            var h = 1e-6;
            var saved = x[i];
            x[i] = saved + h;
            var up = objective.Evaluate(x, scratch);
            x[i] = saved - h;
            var down = objective.Evaluate(x, scratch);
            x[i] = saved;
            var numeric = (up - down) / (2 * h);
            Assert.Equal(numeric, gradient[i], Math.Max(1e-4, Math.Abs(numeric) * 1e-4));
        }
    }

    private static (OverlapStatistics Stats, MatrixCompletionObjective Objective, double[] X) Problem()
    {
        var random = new Random(3);
        var m = 12;
        var coverage = Enumerable.Range(0, m).Select(_ => 0.005 + (0.05 * random.NextDouble())).ToArray();
        var accuracy = Enumerable.Range(0, m).Select(_ => 0.5 + (0.4 * random.NextDouble())).ToArray();
        var (matrix, _) = SyntheticLabelMatrix.Generate(3000, coverage, accuracy, [0.2, 0.3, 0.5], seed: 3);
        var stats = OverlapStatistics.Compute(matrix, K);
        var objective = new MatrixCompletionObjective(stats, new MatrixCompletionOptions());
        var x = objective.Start(null);
        for (var i = 0; i < x.Length; i++)
            x[i] += 0.3 * (random.NextDouble() - 0.5);
        return (stats, objective, x);
    }

    /// <summary>The objective of the class summary, written out term by term over the full mk × mk matrix.</summary>
    private static double DenseObjective(OverlapStatistics stats, MatrixCompletionObjective objective, double[] x)
    {
        var (q, p) = objective.Decode(x);
        int d = stats.Dimension, m = stats.Sources, n = stats.Items;
        var c = objective.Coverage;
        var loss = 0.0;
        for (var a = 0; a < d; a++)
        {
            for (var b = 0; b < d; b++)
            {
                var o = stats[a, b];
                if (a / K == b / K || (Math.Min(c[a], c[b]) > 0 && o >= 0.95 * Math.Min(c[a], c[b])))
                    continue;
                var model = 0.0;
                for (var y = 0; y < K; y++)
                    model += c[a] * c[b] * q[(a * K) + y] * q[(b * K) + y] / p[y];
                var w = n / Math.Sqrt(Math.Max(o, 1.0 / n));
                loss += 0.25 * w * (model - o) * (model - o);
            }
        }
        var kappa = 100.0 * n;
        for (var j = 0; j < m; j++)
        {
            for (var y = 0; y < K; y++)
            {
                var deficit = (1.0 / K) - q[(((j * K) + y) * K) + y];
                if (deficit > 0)
                    loss += 0.5 * kappa * deficit * deficit;
                var rate = 0.0;
                for (var l = 0; l < K; l++)
                    rate += q[(((j * K) + l) * K) + y] * c[(j * K) + l];
                if (rate > p[y])
                    loss += 0.5 * kappa * (rate - p[y]) * (rate - p[y]);
            }
        }
        var start = objective.Start(null);
        for (var i = 0; i < x.Length; i++)
            loss += 0.5 * (x[i] - (i < d * K ? start[i] : 0)) * (x[i] - (i < d * K ? start[i] : 0));
        return loss;
    }
}
