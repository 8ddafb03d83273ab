using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

/// <summary>
/// A re-implementation of Snorkel 0.9's LabelModel defaults as the bar to clear (test-only): mu initialized at
/// 0.7 precision times Snorkel's random scale, uniform class balance, plain SGD (lr 0.01) on
/// ‖(O − μPμᵀ)∘mask‖² + ‖μP1 − diag(O)‖², and a posterior over votes with μ clipped to [0.01, 0.99].
/// </summary>
internal sealed class SnorkelReference(int epochs, int seed) : ILabelModel
{
    private double[] _mu = [];
    private int _k;
    private int _m;

    public string Name => "snorkel-reference";

    public LabelModelDiagnostics Fit(LabelMatrix train, int cardinality)
    {
        _k = cardinality;
        _m = train.Columns;
        var stats = OverlapStatistics.Compute(train, cardinality);
        var d = stats.Dimension;
        var p = 1.0 / _k;
        var scale = new Random(seed).NextDouble();
        _mu = new double[d * _k];
        for (var a = 0; a < d; a++)
            _mu[(a * _k) + (a % _k)] = Math.Clamp(stats[a, a] * 0.7 / p, 0, 1) * scale;
        var gradient = new double[_mu.Length];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            Array.Clear(gradient);
            for (var a = 0; a < d; a++)
            {
                for (var b = 0; b < d; b++)
                {
                    if (a / _k == b / _k)
                        continue;
                    var model = 0.0;
                    for (var y = 0; y < _k; y++)
                        model += _mu[(a * _k) + y] * p * _mu[(b * _k) + y];
                    var residual = stats[a, b] - model;
                    for (var y = 0; y < _k; y++)
                        gradient[(a * _k) + y] -= 4 * residual * _mu[(b * _k) + y] * p;
                }
                var marginal = 0.0;
                for (var y = 0; y < _k; y++)
                    marginal += _mu[(a * _k) + y] * p;
                for (var y = 0; y < _k; y++)
                    gradient[(a * _k) + y] += 2 * (marginal - stats[a, a]) * p;
            }
            for (var i = 0; i < _mu.Length; i++)
                _mu[i] -= 0.01 * gradient[i];
        }
        return new LabelModelDiagnostics(epochs, [], true, Enumerable.Repeat(p, _k).ToArray());
    }

    public double[,] PredictProbabilities(LabelMatrix matrix)
    {
        var result = new double[matrix.Rows, _k];
        var scores = new double[_k];
        for (var i = 0; i < matrix.Rows; i++)
        {
            Array.Clear(scores);
            for (var j = 0; j < _m; j++)
            {
                var label = matrix[i, j];
                if (label == LabelIndex.Abstain)
                    continue;
                for (var y = 0; y < _k; y++)
                    scores[y] += Math.Log(Math.Clamp(_mu[(((j * _k) + label) * _k) + y], 0.01, 0.99));
            }
            var max = scores.Max();
            var sum = scores.Sum(s => Math.Exp(s - max));
            for (var y = 0; y < _k; y++)
                result[i, y] = Math.Exp(scores[y] - max) / sum;
        }
        return result;
    }
}
