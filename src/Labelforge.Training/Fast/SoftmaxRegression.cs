namespace Labelforge.Training.Fast;

/// <summary>
/// Multinomial logistic regression on sparse vectors with scikit-learn's <c>LogisticRegression</c> definition:
/// minimise Σᵢ wᵢ·(-ln pᵢ(yᵢ)) + ‖W‖² / (2C), p = softmax(Wᵀx + b), unpenalised intercepts, fitted to convergence by
/// L-BFGS (<see cref="Lbfgs"/>) from zero; two classes are the binary logistic regression (see
/// <see cref="SoftmaxObjective"/>). With C fixed the penalty's weight relative to the data falls as labels grow,
/// so a model on 20 labels stays cautious and one on thousands follows its data. With
/// <see cref="ClassWeighting.Balanced"/> the row weights are scikit-learn's <c>class_weight='balanced'</c> (times any given
/// weights), which active learning uses (<see cref="SoftmaxRegressionOptions.ActiveLearning"/>). Deterministic; tens of milliseconds
/// for a thousand short texts, which an active-learning loop needs after every batch.
/// </summary>
public sealed class SoftmaxRegression
{
    private readonly int[] _local;
    private readonly double[] _weights;
    private readonly double[] _bias;
    private readonly int _columns;

    private SoftmaxRegression(int dimension, int classCount, int[] local, double[] theta, int featureCount, int iterations)
    {
        Dimension = dimension;
        ClassCount = classCount;
        Iterations = iterations;
        _local = local;
        _columns = SoftmaxObjective.Columns(classCount);
        _weights = theta[..(featureCount * _columns)];
        _bias = theta[(featureCount * _columns)..];
    }

    public int Dimension { get; }

    public int ClassCount { get; }

    /// <summary>L-BFGS iterations the fit took.</summary>
    public int Iterations { get; }

    /// <summary>The fitted weights then intercepts, in <see cref="SoftmaxObjective"/>'s layout for the training vectors.</summary>
    internal double[] Parameters => [.. _weights, .. _bias];

    /// <summary>Fits on <paramref name="vectors"/> with labels 0..k-1 and optional example weights.</summary>
    public static SoftmaxRegression Train(IReadOnlyList<SparseVector> vectors, int[] labels, int classCount, int dimension, SoftmaxRegressionOptions? options = null, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (labels.Length != vectors.Count || (weights is not null && weights.Length != labels.Length))
            throw new ArgumentException($"{vectors.Count} vectors need as many labels (got {labels.Length}) and weights");
        if (labels.Any(y => y < 0 || y >= classCount))
            throw new ArgumentException($"labels must be 0..{classCount - 1}", nameof(labels));
        options ??= new SoftmaxRegressionOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.C);
        if (options.ClassWeighting == ClassWeighting.Balanced)
            weights = BalancedWeights(labels, classCount, weights);
        var objective = new SoftmaxObjective(vectors, labels, classCount, dimension, weights, options.C);
        var theta = new double[objective.ParameterCount];
        var iterations = Lbfgs.Minimize(objective.Evaluate, theta, options.Tolerance, options.MaxIterations, options.History);
        return new SoftmaxRegression(dimension, classCount, objective.Local, theta, objective.FeatureCount, iterations);
    }

    // n / (k·n_c) per row of class c, k the classes present, times the caller's weight (scikit-learn multiplies them too).
    private static float[] BalancedWeights(int[] labels, int classCount, float[]? weights)
    {
        var counts = new int[classCount];
        foreach (var y in labels)
            counts[y]++;
        var present = counts.Count(c => c > 0);
        var result = new float[labels.Length];
        for (var i = 0; i < labels.Length; i++)
            result[i] = (float)((double)labels.Length / (present * counts[labels[i]])) * (weights?[i] ?? 1f);
        return result;
    }

    /// <summary>Row-major n x k probabilities.</summary>
    public float[] PredictProbabilities(IReadOnlyList<SparseVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var result = new float[vectors.Count * ClassCount];
        var p = new double[ClassCount];
        for (var i = 0; i < vectors.Count; i++)
        {
            Probabilities(vectors[i], p);
            for (var c = 0; c < ClassCount; c++)
                result[(i * ClassCount) + c] = (float)p[c];
        }
        return result;
    }

    /// <summary>Row-major n x k probabilities in double precision (the precision they are computed in).</summary>
    public double[] PredictProbabilitiesDouble(IReadOnlyList<SparseVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var result = new double[vectors.Count * ClassCount];
        var p = new double[ClassCount];
        for (var i = 0; i < vectors.Count; i++)
        {
            Probabilities(vectors[i], p);
            p.CopyTo(result, i * ClassCount);
        }
        return result;
    }

    private void Probabilities(SparseVector x, double[] p)
    {
        var skip = ClassCount - _columns;
        p[0] = 0;
        for (var c = 0; c < _columns; c++)
            p[skip + c] = _bias[c];
        for (var t = 0; t < x.Indices.Length; t++)
        {
            var local = x.Indices[t] < _local.Length ? _local[x.Indices[t]] : -1;
            if (local < 0)
                continue;
            var at = local * _columns;
            for (var c = 0; c < _columns; c++)
                p[skip + c] += _weights[at + c] * x.Values[t];
        }
        var max = p.Max();
        var sum = 0.0;
        for (var c = 0; c < ClassCount; c++)
        {
            p[c] = Math.Exp(p[c] - max);
            sum += p[c];
        }
        for (var c = 0; c < ClassCount; c++)
            p[c] /= sum;
    }
}
