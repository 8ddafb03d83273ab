namespace Labelforge.Training.Fast;

/// <summary>
/// Multinomial logistic regression on sparse vectors, trained by seeded-order stochastic gradient descent with AdaGrad
/// step sizes (Duchi, Hazan &amp; Singer, JMLR 2011) and L2 shrinkage on the touched weights. Small and quick to retrain
/// (milliseconds for a few thousand examples), which an active-learning loop needs after every batch.
/// </summary>
public sealed class SoftmaxRegression
{
    private readonly float[] _weights;
    private readonly float[] _bias;

    private SoftmaxRegression(int dimension, int classCount)
    {
        Dimension = dimension;
        ClassCount = classCount;
        _weights = new float[dimension * classCount];
        _bias = new float[classCount];
    }

    public int Dimension { get; }

    public int ClassCount { get; }

    /// <summary>Fits on <paramref name="vectors"/> with labels 0..k-1 and optional example weights.</summary>
    public static SoftmaxRegression Train(IReadOnlyList<SparseVector> vectors, int[] labels, int classCount, int dimension, SoftmaxRegressionOptions? options = null, float[]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(labels);
        options ??= new SoftmaxRegressionOptions();
        var model = new SoftmaxRegression(dimension, classCount);
        var squared = new float[dimension * classCount];
        var biasSquared = new float[classCount];
        var order = Enumerable.Range(0, labels.Length).ToArray();
        var random = new Random(options.Seed);
        var p = new double[classCount];
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var x = vectors[i];
                model.Probabilities(x, p);
                var w = weights?[i] ?? 1f;
                for (var c = 0; c < classCount; c++)
                {
                    var g = (float)((p[c] - (labels[i] == c ? 1 : 0)) * w);
                    biasSquared[c] += g * g;
                    model._bias[c] -= options.LearningRate * g / (float)Math.Sqrt(biasSquared[c] + 1e-8f);
                    for (var t = 0; t < x.Indices.Length; t++)
                    {
                        var at = (x.Indices[t] * classCount) + c;
                        var grad = (g * x.Values[t]) + (options.L2 * model._weights[at]);
                        squared[at] += grad * grad;
                        model._weights[at] -= options.LearningRate * grad / (float)Math.Sqrt(squared[at] + 1e-8f);
                    }
                }
            }
        }
        return model;
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

    private void Probabilities(SparseVector x, double[] p)
    {
        for (var c = 0; c < ClassCount; c++)
            p[c] = _bias[c];
        for (var t = 0; t < x.Indices.Length; t++)
        {
            var at = x.Indices[t] * ClassCount;
            for (var c = 0; c < ClassCount; c++)
                p[c] += _weights[at + c] * x.Values[t];
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
