using Labelforge.Training.Fast;

namespace Labelforge.Training.Tests.Fast;

public class SoftmaxRegressionTests
{
    [Fact]
    public void Learns_topics_from_tfidf_features()
    {
        var train = GeneratedTexts.Make(300, seed: 6);
        var test = GeneratedTexts.Make(100, seed: 7);
        var featurizer = new TfidfFeaturizer();
        var trainVectors = featurizer.FitTransform(train.Texts);

        var model = SoftmaxRegression.Train(trainVectors, train.Labels, 3, featurizer.Dimension);
        var probabilities = model.PredictProbabilities(featurizer.Transform(test.Texts));

        var correct = 0;
        for (var i = 0; i < test.Count; i++)
        {
            var row = probabilities.AsSpan(i * 3, 3).ToArray();
            Assert.Equal(1.0, row.Sum(), 3);
            if (Array.IndexOf(row, row.Max()) == test.Labels[i])
                correct++;
        }
        Assert.True(correct >= 85, $"accuracy {correct}/100");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void The_fit_is_a_stationary_point_of_the_objective(int classes)
    {
        var (vectors, labels) = Toy(classes);
        var options = new SoftmaxRegressionOptions { Tolerance = 1e-8 };

        var model = SoftmaxRegression.Train(vectors, labels, classes, 6, options);

        // Re-evaluate the gradient at the fitted parameters through the objective itself.
        var objective = new SoftmaxObjective(vectors, labels, classes, 6, null, options.C);
        var theta = model.Parameters;
        var gradient = new double[theta.Length];
        objective.Evaluate(theta, gradient);
        Assert.True(gradient.Max(Math.Abs) < 1e-6, $"max |gradient| {gradient.Max(Math.Abs)} after {model.Iterations} iterations");
    }

    [Fact]
    public void Objective_gradient_matches_finite_differences()
    {
        var (vectors, labels) = Toy(3);
        var objective = new SoftmaxObjective(vectors, labels, 3, 6, [1f, 2f, 0.5f, 1f, 1f, 3f], c: 0.7);
        var random = new Random(3);
        var theta = Enumerable.Range(0, objective.ParameterCount).Select(_ => random.NextDouble() - 0.5).ToArray();
        var gradient = new double[theta.Length];
        objective.Evaluate(theta, gradient);

        for (var j = 0; j < theta.Length; j++)
        {
            var plus = (double[])theta.Clone();
            var minus = (double[])theta.Clone();
            plus[j] += 1e-6;
            minus[j] -= 1e-6;
            var scratch = new double[theta.Length];
            var numeric = (objective.Evaluate(plus, scratch) - objective.Evaluate(minus, scratch)) / 2e-6;
            Assert.Equal(numeric, gradient[j], 6);
        }
    }

    [Fact]
    public void Penalty_is_relative_to_the_summed_loss_so_more_labels_mean_less_shrinkage()
    {
        var (vectors, labels) = Toy(2);
        var twice = vectors.Concat(vectors).ToArray();

        var once = SoftmaxRegression.Train(vectors, labels, 2, 6).PredictProbabilities(vectors);
        var doubled = SoftmaxRegression.Train(twice, [.. labels, .. labels], 2, 6).PredictProbabilities(vectors);

        // Under a mean loss the duplicated set would give the same model; under C·Σ loss + ‖W‖²/2 it is more confident.
        for (var i = 0; i < vectors.Length; i++)
            Assert.True(doubled[(i * 2) + labels[i]] > once[(i * 2) + labels[i]] + 1e-3, $"item {i}");
    }

    [Fact]
    public void Two_classes_are_the_binary_logistic_regression()
    {
        // x = +1 labeled 1 and x = -1 labeled 0: by symmetry b = 0, and Σ log(1 + e^(-w)) + w²/2 is minimal where
        // w = 2σ(-w). A symmetric softmax over two penalised vectors would instead solve d = 4σ(-d).
        SparseVector plus = new([0], [1f]), minus = new([0], [-1f]);
        var model = SoftmaxRegression.Train([plus, minus], [1, 0], 2, 1, new SoftmaxRegressionOptions { Tolerance = 1e-10 });

        double lo = 0, hi = 2;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = mid < 2 / (1 + Math.Exp(mid)) ? (mid, hi) : (lo, mid);
        }
        Assert.Equal(1 / (1 + Math.Exp(-lo)), model.PredictProbabilities([plus])[1], 6);
    }

    [Fact]
    public void Balanced_weights_set_the_intercept_to_equal_class_shares_not_the_labeled_ones()
    {
        // With no feature, p is σ(b) and b is unpenalised: unweighted, b fits the labeled shares (1 of 4 → p = 0.25);
        // balanced (weights 4/(2·1) and 4/(2·3)), each class weighs the same, so p = 0.5.
        SparseVector empty = new([], []);
        SparseVector[] rows = [empty, empty, empty, empty];
        int[] labels = [1, 0, 0, 0];
        var exact = new SoftmaxRegressionOptions { Tolerance = 1e-10 };

        var plain = SoftmaxRegression.Train(rows, labels, 2, 1, exact).PredictProbabilities([empty]);
        var balanced = SoftmaxRegression.Train(rows, labels, 2, 1, exact with { ClassWeighting = ClassWeighting.Balanced }).PredictProbabilities([empty]);

        Assert.Equal(0.25, plain[1], 6);
        Assert.Equal(0.5, balanced[1], 6);
    }

    [Fact]
    public void Balanced_weights_are_n_over_k_times_the_class_count_times_given_weights()
    {
        var (vectors, _) = Toy(3);
        int[] labels = [0, 0, 0, 1, 1, 2];
        float[] given = [1f, 2f, 0.5f, 1f, 1f, 3f];
        var counts = Enumerable.Range(0, 3).Select(c => labels.Count(y => y == c)).ToArray();
        var explicitWeights = labels.Select((y, i) => (float)(labels.Length / (3.0 * counts[y])) * given[i]).ToArray();
        var exact = new SoftmaxRegressionOptions { Tolerance = 1e-10 };

        var balanced = SoftmaxRegression.Train(vectors, labels, 3, 6, exact with { ClassWeighting = ClassWeighting.Balanced }, given).PredictProbabilities(vectors);
        var weighted = SoftmaxRegression.Train(vectors, labels, 3, 6, exact, explicitWeights).PredictProbabilities(vectors);

        for (var j = 0; j < balanced.Length; j++)
            Assert.Equal(weighted[j], balanced[j], 6);
    }

    [Fact]
    public void Sketch_rows_are_unit_length()
    {
        var featurizer = new TfidfFeaturizer(minDf: 1);
        var vectors = featurizer.FitTransform(["one two three", "four five"]);

        var sketch = VectorSketch.Compute(vectors, 8);

        Assert.Equal(1.0, sketch[..8].Sum(x => x * x), 4);
        Assert.Equal(1.0, sketch[8..].Sum(x => x * x), 4);
    }

    private static (SparseVector[] Vectors, int[] Labels) Toy(int classes)
    {
        SparseVector[] vectors =
        [
            new([0, 1], [0.8f, 0.6f]), new([1, 2], [0.6f, 0.8f]), new([2, 3], [1f, 0f]),
            new([3, 4], [0.6f, 0.8f]), new([0, 5], [0.8f, 0.6f]), new([4, 5], [0.6f, 0.8f]),
        ];
        return (vectors, [.. Enumerable.Range(0, vectors.Length).Select(i => i % classes)]);
    }
}
