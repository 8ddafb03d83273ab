using System.Globalization;
using Labelforge.Cli.Input;
using Labelforge.Cli.Output;
using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.ActiveLearning;
using Labelforge.Training.Evaluation;
using Labelforge.Training.Fast;

namespace Labelforge.Bench;

/// <summary>
/// Active learning against small-text 1.4.1's reference curves (shared/datasets/{sms-spam,emotion-carer}/reference/):
/// the same split and initial samples, seeds 0-2, batches of 20 to 1,500 labels. First the trainer alone (the peer's
/// queried items replayed through ours), then our strategies' own runs point by point against the peer's, labels to
/// 95% of the full-pool macro-F1, and the round time (retrain + query), also on a 6,000-item pool. Writes
/// docs/img/al-reference-SET.svg. The process CPU time per round is reported beside the wall time, which a shared
/// machine inflates.
/// </summary>
internal static class ActiveLearningReferenceBench
{
    private static readonly bool Distinct = Environment.GetEnvironmentVariable("AL_DISTINCT") != "0";
    private static readonly (string Peer, QueryStrategy Ours)[] Pairs = [("least_confidence", QueryStrategy.LeastConfidence), ("breaking_ties", QueryStrategy.Margin)];
    private static readonly int[] Points = [20, 40, 100, 200, 300, 500, 700, 1000, 1500];

    public static async Task RunAsync()
    {
        // AL_SETS=sms-spam (comma-separated) runs a subset; AL_DISTINCT=0 lets batches hold identical items.
        // AL_SETS= (empty) runs only the round time.
        var sets = (Environment.GetEnvironmentVariable("AL_SETS") ?? "sms-spam,emotion-carer").Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var set in sets)
        {
            var data = set == "sms-spam" ? BenchData.SmsSpam() : BenchData.Emotion();
            var reference = ReferenceCurves.Load(set);
            Console.WriteLine($"### {set}: trainer check (the peer's queried items replayed through our TF-IDF + logistic regression)");
            Replay(reference, data);
            Console.WriteLine();
            Console.WriteLine($"### {set}: our strategies on the same split and initial samples (mean of seeds 0-2)");
            var series = Compare(reference, data);
            Directory.CreateDirectory(DocsImages);
            var what = data.ClassNames.Length > 2 ? "least confidence and margin" : "least confidence (= margin, 2 classes)";
            await File.WriteAllTextAsync(Path.Combine(DocsImages, $"al-reference-{set}.svg"),
                SvgLineChart.Render($"{set}: Labelforge vs small-text 1.4.1, {what}, mean of seeds 0-2", "labeled items", "test macro-F1", series));
            // The first 400 labels, where the curves part.
            var early = series.Select(x => (x.Item1, (IReadOnlyList<(double, double)>)(x.Item2.Count == 2
                ? [.. x.Item2.Select(p => (Math.Min(p.Item1, 400), p.Item2))]
                : [.. x.Item2.Where(p => p.Item1 <= 400)]))).ToList();
            await File.WriteAllTextAsync(Path.Combine(DocsImages, $"al-reference-{set}-early.svg"),
                SvgLineChart.Render($"{set}: the first 400 labels, mean of seeds 0-2", "labeled items", "test macro-F1", early));
            Console.WriteLine();
        }
        if (Environment.GetEnvironmentVariable("AL_ROUND") != "0")
            RoundTime(BenchData.Emotion(), ReferenceCurves.Load("emotion-carer"));
    }

    private static void Replay(ReferenceCurves reference, LabeledText data)
    {
        var featurizer = new TfidfFeaturizer();
        var pool = featurizer.FitTransform([.. reference.Pool.Select(i => data.Texts[i])]);
        var test = featurizer.Transform([.. reference.Test.Select(i => data.Texts[i])]);
        var row = reference.Pool.Select((item, r) => (item, r)).ToDictionary(p => p.item, p => p.r);
        var k = data.ClassNames.Length;
        var testLabels = reference.Test.Select(i => data.Labels[i]).ToArray();
        double Score(IReadOnlyList<int> items) => ClassificationMetrics.Compute(testLabels, SoftmaxRegression.Train(
            [.. items.Select(i => pool[row[i]])], [.. items.Select(i => data.Labels[i])], k, featurizer.Dimension).PredictProbabilities(test), k).MacroF1;
        Console.WriteLine($"Vocabulary {featurizer.Dimension:N0} terms. Full pool: ours {Score(reference.Pool):F6}, small-text {reference.FullPoolMacroF1:F6}.");
        Console.WriteLine();
        Console.WriteLine("| strategy replayed | fits | max \\|Δ macro-F1\\| | mean Δ (ours − peer) | ours / peer at 1,500 |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        foreach (var s in reference.Strategies.Values)
        {
            var (maxDiff, sum, fits, last) = (0.0, 0.0, 0, 0.0);
            foreach (var seed in s.Seeds)
            {
                var items = seed.InitItems.ToList();
                for (var r = 0; r < seed.MacroF1.Length; r++)
                {
                    if (r > 0)
                        items.AddRange(seed.Queried[r - 1]);
                    var f1 = Score(items);
                    (maxDiff, sum, fits) = (Math.Max(maxDiff, Math.Abs(f1 - seed.MacroF1[r])), sum + (f1 - seed.MacroF1[r]), fits + 1);
                    if (r == seed.MacroF1.Length - 1)
                        last += f1 / s.Seeds.Count;
                }
            }
            Console.WriteLine($"| {s.Name} | {fits} | {maxDiff:F4} | {sum / fits:+0.0000;-0.0000;0.0000} | {last:F4} / {s.MeanMacroF1[^1]:F4} |");
        }
    }

    private static List<(string, IReadOnlyList<(double, double)>)> Compare(ReferenceCurves reference, LabeledText data)
    {
        var series = new List<(string, IReadOnlyList<(double, double)>)>();
        Console.WriteLine($"| ours vs small-text | {string.Join(" | ", Points)} | worst / mean Δ | labels to 95% of own full pool per seed: ours; peer | ours to the peer's 95% mark | mean round |");
        Console.WriteLine($"|---|{string.Concat(Points.Select(_ => "---|"))}---|---|---|---|");
        foreach (var (peerName, strategy) in Pairs)
        {
            var peer = reference.Strategies[peerName];
            // Two classes: margin ranks as least confidence does, so the plot shows least confidence only.
            var plot = strategy == QueryStrategy.LeastConfidence || data.ClassNames.Length > 2;
            var name = strategy == QueryStrategy.Margin ? " margin" : "";
            // Our default model, then (least confidence only) the peer's model definition in our loop.
            var models = strategy == QueryStrategy.LeastConfidence
                ? new[] { ("", SoftmaxRegressionOptions.ActiveLearning), (", peer's model", new SoftmaxRegressionOptions()) }
                : [("", SoftmaxRegressionOptions.ActiveLearning)];
            foreach (var (suffix, model) in models)
            {
                var (mean, ownFull) = CompareRow(reference, data, peer, strategy, model, suffix);
                if (plot)
                    series.Add(($"ours{name}{suffix}", [.. peer.Labels.Select((l, r) => ((double)l, mean[r]))]));
                if (plot && suffix.Length == 0 && strategy == QueryStrategy.LeastConfidence)
                    series.Add(("95%: ours", [(0, 0.95 * ownFull), (1500, 0.95 * ownFull)]));
            }
            if (plot)
                series.Add(($"small-text{name}", [.. peer.Labels.Select((l, r) => ((double)l, peer.MeanMacroF1[r]))]));
        }
        var full = reference.FullPoolMacroF1;
        series.Add(("95%: small-text", [(0, 0.95 * full), (1500, 0.95 * full)]));
        return series;
    }

    private static (double[] Mean, double OwnFull) CompareRow(ReferenceCurves reference, LabeledText data, ReferenceStrategy peer, QueryStrategy strategy, SoftmaxRegressionOptions model, string suffix)
    {
        var runs = peer.Seeds.Select(seed => ActiveLearningSimulation.Run(data.Texts, data.Labels, data.ClassNames.Length, new SimulationOptions
        {
            Strategy = strategy, Batch = 20, Budget = 1500, Seed = seed.Seed, DistinctBatches = Distinct, Model = model,
            Split = new SimulationSplit(reference.Pool, reference.Test, seed.InitItems),
        })).ToList();
        var mean = peer.Labels.Select((_, r) => runs.Average(x => x.Curve[r].MacroF1)).ToArray();
        var diffs = mean.Select((m, r) => m - peer.MeanMacroF1[r]).ToArray();
        var cells = Points.Select(p => Array.IndexOf(peer.Labels, p)).Select(r => $"{mean[r]:F3} / {peer.MeanMacroF1[r]:F3}");
        var ours95 = runs.Select(x => x.Curve.FirstOrDefault(p => p.MacroF1 >= 0.95 * x.FullData.MacroF1)?.Labels).ToList();
        var atPeerMark = runs.Select(x => x.Curve.FirstOrDefault(p => p.MacroF1 >= 0.95 * reference.FullPoolMacroF1)?.Labels).ToList();
        var peer95 = peer.Seeds.Select(seed => FirstReach(peer.Labels, seed.MacroF1, 0.95 * reference.FullPoolMacroF1)).ToList();
        Console.WriteLine($"| {strategy}{suffix} vs {peer.Name} | {string.Join(" | ", cells)} | {diffs.Min():+0.000;-0.000} / {diffs.Average():+0.000;-0.000} | {Reach(ours95)}; {Reach(peer95)} | {Reach(atPeerMark)} | {runs.Average(x => x.MeanRoundSeconds):F3} s |");
        Console.WriteLine($"<!-- {strategy}{suffix}: own full pool macro-F1 {runs[0].FullData.MacroF1:F4} (small-text {reference.FullPoolMacroF1:F4}) -->");
        return (mean, runs[0].FullData.MacroF1);
    }

    /// <summary>Margin from 20 to 1,500 labels on 6,000 pool items (the first 6,000 of the emotion pool), 6 classes.</summary>
    private static void RoundTime(LabeledText data, ReferenceCurves reference)
    {
        var pool = reference.Pool[..6000];
        var cpu = CpuSeconds();
        var result = ActiveLearningSimulation.Run(data.Texts, data.Labels, data.ClassNames.Length, new SimulationOptions
        {
            Strategy = QueryStrategy.Margin, Initial = 20, Batch = 20, Budget = 1500, Seed = 0,
            Split = new SimulationSplit(pool, reference.Test),
        });
        var rounds = result.Curve.Count - 1;
        var cpuPerRound = (CpuSeconds() - cpu) / rounds;
        Console.WriteLine("| AL round (retrain + score the pool + pick 20), 6,000 pool items, 6 classes, 20 → 1,500 labels | mean wall | max wall | process CPU per round (whole run) | scikit-learn (issue 11) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Console.WriteLine($"| margin, {rounds} rounds | {result.MeanRoundSeconds:F3} s | {result.MaxRoundSeconds:F3} s | {cpuPerRound:F3} s | 0.48 s |");
        LastRound(data, reference, pool);
    }

    /// <summary>
    /// The costliest round alone: fit on 1,500 labels the peer's least-confidence run chose (boundary items, the
    /// hardest fit), score 6,000 pool items and pick 20; process CPU time, fastest of three.
    /// </summary>
    private static void LastRound(LabeledText data, ReferenceCurves reference, int[] pool)
    {
        var seed = reference.Strategies["least_confidence"].Seeds[0];
        int[] labeled = [.. seed.InitItems, .. seed.Queried.SelectMany(q => q)];
        var featurizer = new TfidfFeaturizer();
        var vectors = featurizer.FitTransform([.. reference.Pool.Select(i => data.Texts[i])]);
        var row = reference.Pool.Select((item, r) => (item, r)).ToDictionary(p => p.item, p => p.r);
        var train = labeled.Select(i => vectors[row[i]]).ToArray();
        var y = labeled.Select(i => data.Labels[i]).ToArray();
        var scored = pool.Select(i => vectors[row[i]]).ToArray();
        var k = data.ClassNames.Length;
        var (best, iterations) = (double.MaxValue, 0);
        for (var run = 0; run < 3; run++)
        {
            var cpu = CpuSeconds();
            var model = SoftmaxRegression.Train(train, y, k, featurizer.Dimension, SoftmaxRegressionOptions.ActiveLearning);
            ActiveLearningQuery.Select(new Labelforge.Engine.ProbabilityMatrix(model.PredictProbabilities(scored), k), 20, new QueryOptions { Strategy = QueryStrategy.Margin });
            (best, iterations) = (Math.Min(best, CpuSeconds() - cpu), model.Iterations);
        }
        Console.WriteLine($"| last round alone: fit on {labeled.Length:N0} labels (the peer's least-confidence picks, seed 0) + score {pool.Length:N0} + pick 20, {iterations} L-BFGS iterations | | | {best:F3} s (fastest of 3) | 0.48 s |");
    }

    private static double CpuSeconds()
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    private static int? FirstReach(int[] labels, double[] curve, double target)
    {
        var r = Array.FindIndex(curve, v => v >= target);
        return r < 0 ? null : labels[r];
    }

    private static string Reach(List<int?> perSeed) =>
        string.Join(", ", perSeed.Select(l => l?.ToString(CultureInfo.InvariantCulture) ?? "never"))
        + (perSeed.All(l => l is not null) ? $" (mean {perSeed.Average(l => l!.Value):F0})" : " (mean: not all reached)");

    private static string DocsImages => Path.Combine(BenchData.RepoRoot, "docs", "img");
}
