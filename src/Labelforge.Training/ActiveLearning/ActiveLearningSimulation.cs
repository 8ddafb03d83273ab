using System.Diagnostics;
using Labelforge.Engine;
using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.Evaluation;
using Labelforge.Training.Fast;

namespace Labelforge.Training.ActiveLearning;

/// <summary>
/// Replays active learning on fully labeled texts: hold out a test split (stratified and seeded, or given), label an
/// initial sample (seeded random, or given), then repeatedly retrain from scratch, score on the test split and let
/// the strategy pick the next batch from the rest of the pool, revealing its true labels. Texts are featurized once
/// (TF-IDF fitted on the pool) and the model is an L2 logistic regression fitted by L-BFGS, so a retrain on 1,500
/// labels takes tens of milliseconds.
/// </summary>
public static class ActiveLearningSimulation
{
    public static SimulationResult Run(IReadOnlyList<string> texts, int[] labels, int classCount, SimulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var (pool, test) = options.Split is { } given ? (given.Pool, given.Test) : DataSplit.TrainTest(labels, options.TestFraction, options.Seed);
        if (options.Split?.Problem(texts.Count) is { } problem)
            throw new ArgumentException(problem, nameof(options));
        var featurizer = new TfidfFeaturizer(options.MinDf);
        var poolVectors = featurizer.FitTransform([.. pool.Select(i => texts[i])]);
        var testVectors = featurizer.Transform([.. test.Select(i => texts[i])]);
        var poolLabels = pool.Select(i => labels[i]).ToArray();
        var testLabels = test.Select(i => labels[i]).ToArray();
        var sketch = options.Strategy is QueryStrategy.Diversity or QueryStrategy.UncertaintyDiversity
            ? VectorSketch.Compute(poolVectors, options.SketchDimension)
            : null;
        var groups = options.DistinctBatches ? DuplicateVectors.FirstOf(poolVectors) : null;

        SoftmaxRegression Train(IReadOnlyList<int> rows) =>
            SoftmaxRegression.Train([.. rows.Select(r => poolVectors[r])], [.. rows.Select(r => poolLabels[r])], classCount, featurizer.Dimension, options.Model);
        CurvePoint Score(SoftmaxRegression model, int count)
        {
            var metrics = ClassificationMetrics.Compute(testLabels, model.PredictProbabilities(testVectors), classCount);
            return new CurvePoint(count, metrics.Accuracy, metrics.MacroF1);
        }

        var labeled = InitialRows(pool, options).ToList();
        var curve = new List<CurvePoint>();
        var rounds = new List<double>();
        for (var step = 0; ; step++)
        {
            var round = Stopwatch.GetTimestamp();
            var model = Train(labeled);
            var budget = Math.Min(options.Budget, pool.Length);
            var next = labeled.Count < budget
                ? Query(model, poolVectors, sketch, groups, labeled, Math.Min(options.Batch, budget - labeled.Count), options, step).ToList()
                : null;
            if (next is not null)
                rounds.Add(Stopwatch.GetElapsedTime(round).TotalSeconds);
            curve.Add(Score(model, labeled.Count));
            if (next is null)
                break;
            labeled.AddRange(next);
        }
        var full = Score(Train([.. Enumerable.Range(0, pool.Length)]), pool.Length);
        return new SimulationResult(options.Strategy.ToString(), pool.Length, test.Length, curve, full,
            FirstReaching(curve, 0.95 * full.MacroF1), FirstReaching(curve, 0.98 * full.MacroF1), clock.Elapsed.TotalSeconds,
            rounds.Count > 0 ? rounds.Average() : 0, rounds.Count > 0 ? rounds.Max() : 0);
    }

    /// <summary>Pool rows labeled before the first query: the given initial items, or a seeded random sample.</summary>
    private static IEnumerable<int> InitialRows(int[] pool, SimulationOptions options)
    {
        if (options.Split?.InitialItems is { } items)
        {
            var row = pool.Select((item, r) => (item, r)).ToDictionary(p => p.item, p => p.r);
            return items.Select(i => row[i]);
        }
        return ActiveLearningQuery.RandomSample(pool.Length, Math.Min(options.Initial, pool.Length), new Random(options.Seed));
    }

    private static IEnumerable<int> Query(SoftmaxRegression model, SparseVector[] poolVectors, float[]? sketch, int[]? groups, List<int> labeled, int batch, SimulationOptions options, int step)
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
        var duplicateOf = groups is null ? null : unlabeled.Select(r => groups[r]).ToArray();
        return ActiveLearningQuery.Select(probabilities, batch, query, features, options.SketchDimension, duplicateOf).Select(u => unlabeled[u]);
    }

    private static int? FirstReaching(List<CurvePoint> curve, double target) =>
        curve.FirstOrDefault(p => p.MacroF1 >= target)?.Labels;
}
