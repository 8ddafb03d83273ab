using System.Diagnostics;
using Labelforge.Engine;
using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.Evaluation;
using Labelforge.Training.Fast;

namespace Labelforge.Training.ActiveLearning;

/// <summary>
/// Replays active learning on fully labeled texts: hold out a stratified test split, label a random seed set, then
/// repeatedly retrain, score on the test split and let the strategy pick the next batch from the rest of the pool,
/// revealing its true labels. Texts are featurized once (hashed TF-IDF) and the model is a softmax regression, so each
/// retrain takes milliseconds to a second and a 1,500-label run stays within minutes.
/// </summary>
public static class ActiveLearningSimulation
{
    public static SimulationResult Run(IReadOnlyList<string> texts, int[] labels, int classCount, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var (pool, test) = DataSplit.TrainTest(labels, options.TestFraction, options.Seed);
        var featurizer = new HashedTextFeaturizer();
        var poolVectors = featurizer.FitTransform([.. pool.Select(i => texts[i])]);
        var testVectors = featurizer.Transform([.. test.Select(i => texts[i])]);
        var poolLabels = pool.Select(i => labels[i]).ToArray();
        var testLabels = test.Select(i => labels[i]).ToArray();
        var sketch = options.Strategy is QueryStrategy.Diversity or QueryStrategy.UncertaintyDiversity
            ? HashedTextFeaturizer.Sketch(poolVectors, options.SketchDimension)
            : null;

        (SoftmaxRegression Model, CurvePoint Point) TrainAndScore(IReadOnlyList<int> rows)
        {
            var model = SoftmaxRegression.Train([.. rows.Select(r => poolVectors[r])], [.. rows.Select(r => poolLabels[r])], classCount, featurizer.Dimension, options.Model);
            var metrics = ClassificationMetrics.Compute(testLabels, model.PredictProbabilities(testVectors), classCount);
            return (model, new CurvePoint(rows.Count, metrics.Accuracy, metrics.MacroF1));
        }

        var labeled = ActiveLearningQuery.RandomSample(pool.Length, Math.Min(options.Initial, pool.Length), new Random(options.Seed)).ToList();
        var curve = new List<CurvePoint>();
        for (var step = 0; ; step++)
        {
            var (model, point) = TrainAndScore(labeled);
            curve.Add(point);
            if (labeled.Count >= Math.Min(options.Budget, pool.Length))
                break;
            labeled.AddRange(Query(model, poolVectors, sketch, labeled, Math.Min(options.Batch, options.Budget - labeled.Count), options, step));
        }
        var full = TrainAndScore([.. Enumerable.Range(0, pool.Length)]).Point;
        return new SimulationResult(options.Strategy.ToString(), pool.Length, test.Length, curve, full,
            FirstReaching(curve, 0.95 * full.MacroF1), FirstReaching(curve, 0.98 * full.MacroF1), clock.Elapsed.TotalSeconds);
    }

    private static IEnumerable<int> Query(SoftmaxRegression model, SparseVector[] poolVectors, float[]? sketch, List<int> labeled, int batch, SimulationOptions options, int step)
    {
        var taken = new bool[poolVectors.Length];
        foreach (var r in labeled)
            taken[r] = true;
        var unlabeled = Enumerable.Range(0, poolVectors.Length).Where(r => !taken[r]).ToArray();
        var probabilities = new ProbabilityMatrix(model.PredictProbabilities([.. unlabeled.Select(r => poolVectors[r])]), model.ClassCount);
        float[]? features = null;
        if (sketch is not null)
        {
            var d = options.SketchDimension;
            features = new float[unlabeled.Length * d];
            for (var u = 0; u < unlabeled.Length; u++)
                sketch.AsSpan(unlabeled[u] * d, d).CopyTo(features.AsSpan(u * d, d));
        }
        var query = new QueryOptions { Strategy = options.Strategy, Seed = options.Seed + step + 1 };
        return ActiveLearningQuery.Select(probabilities, batch, query, features, options.SketchDimension).Select(u => unlabeled[u]);
    }

    private static int? FirstReaching(List<CurvePoint> curve, double target) =>
        curve.FirstOrDefault(p => p.MacroF1 >= target)?.Labels;
}
