namespace Labelforge.Training.Fast;

/// <summary>
/// The L2-regularised multinomial log-loss of <see cref="SoftmaxRegression"/>, divided by S = Σᵢ wᵢ as scikit-learn
/// divides it (same minimiser, and its tolerance applies to this gradient):
/// f(W, b) = (1/S) Σᵢ wᵢ·(log Σ_c exp(z_ic) - z_{i,yᵢ}) + ‖W‖² / (2·C·S), z_i = Wᵀxᵢ + b, the intercept not penalised.
/// Only features some training row holds get parameters: the others have zero data gradient, so from W = 0 they
/// would stay 0, and leaving them out gives the same minimiser with less work per step.
/// With two classes the model is scikit-learn's binary logistic regression: class 0's score is fixed at 0 and one
/// weight vector scores class 1 (a symmetric softmax over two penalised vectors would halve the penalty on their
/// difference, a different model). Parameters: m x q weights (feature-major) then q intercepts, q = the scored
/// columns (1 for two classes, else k).
/// </summary>
internal sealed class SoftmaxObjective
{
    private readonly int _k;
    private readonly int _q;
    private readonly int[] _rowStart;
    private readonly int[] _columns;
    private readonly double[] _values;
    private readonly int[] _labels;
    private readonly double[] _weights;
    private readonly double _scale;
    private readonly double _lambda;

    public SoftmaxObjective(IReadOnlyList<SparseVector> vectors, int[] labels, int classCount, int dimension, float[]? weights, double c)
    {
        _k = classCount;
        _q = Columns(classCount);
        _labels = labels;
        Local = new int[dimension];
        Array.Fill(Local, -1);
        var nonzeros = vectors.Sum(v => v.Indices.Length);
        _rowStart = new int[vectors.Count + 1];
        _columns = new int[nonzeros];
        _values = new double[nonzeros];
        var at = 0;
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = vectors[i];
            for (var t = 0; t < v.Indices.Length; t++)
            {
                ref var local = ref Local[v.Indices[t]];
                if (local < 0)
                    local = FeatureCount++;
                _columns[at] = local;
                _values[at++] = v.Values[t];
            }
            _rowStart[i + 1] = at;
        }
        _weights = weights is null ? [.. Enumerable.Repeat(1.0, labels.Length)] : [.. weights.Select(w => (double)w)];
        var total = _weights.Sum();
        _scale = total > 0 ? 1 / total : 0;
        _lambda = _scale / c;
    }

    /// <summary>Parameter row of each input feature, -1 for features no training row holds.</summary>
    public int[] Local { get; }

    /// <summary>m, the features with parameters.</summary>
    public int FeatureCount { get; }

    public int ParameterCount => (FeatureCount + 1) * _q;

    /// <summary>Scored columns: 1 for two classes (class 0's score is 0), else one per class.</summary>
    public static int Columns(int classCount) => classCount == 2 ? 1 : classCount;

    public double Evaluate(double[] theta, double[] gradient)
    {
        Array.Clear(gradient);
        var bias = FeatureCount * _q;
        var skip = _k - _q;
        Span<double> z = stackalloc double[_k];
        var loss = 0.0;
        for (var i = 0; i < _labels.Length; i++)
        {
            var (start, end) = (_rowStart[i], _rowStart[i + 1]);
            z.Clear();
            var scores = z[skip..];
            theta.AsSpan(bias, _q).CopyTo(scores);
            for (var t = start; t < end; t++)
            {
                var row = theta.AsSpan(_columns[t] * _q, _q);
                for (var c = 0; c < _q; c++)
                    scores[c] += row[c] * _values[t];
            }
            var logSum = LogSumExp(z);
            loss += _weights[i] * (logSum - z[_labels[i]]);
            for (var c = 0; c < _k; c++)
                z[c] = _weights[i] * (Math.Exp(z[c] - logSum) - (c == _labels[i] ? 1 : 0));
            for (var c = 0; c < _q; c++)
                gradient[bias + c] += scores[c];
            for (var t = start; t < end; t++)
            {
                var row = gradient.AsSpan(_columns[t] * _q, _q);
                for (var c = 0; c < _q; c++)
                    row[c] += scores[c] * _values[t];
            }
        }
        var penalty = 0.0;
        for (var j = 0; j < bias; j++)
        {
            penalty += theta[j] * theta[j];
            gradient[j] = (gradient[j] * _scale) + (_lambda * theta[j]);
        }
        for (var c = 0; c < _q; c++)
            gradient[bias + c] *= _scale;
        return (loss * _scale) + (0.5 * _lambda * penalty);
    }

    private static double LogSumExp(ReadOnlySpan<double> z)
    {
        var max = double.NegativeInfinity;
        foreach (var v in z)
            max = Math.Max(max, v);
        var sum = 0.0;
        foreach (var v in z)
            sum += Math.Exp(v - max);
        return max + Math.Log(sum);
    }
}
