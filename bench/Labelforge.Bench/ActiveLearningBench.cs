using Labelforge.Engine;
using Labelforge.Engine.ActiveLearning;

namespace Labelforge.Bench;

/// <summary>One query over a 1,000,000-item pool with 10 classes, per strategy.</summary>
internal static class ActiveLearningBench
{
    private const int Dimension = 32;

    public static Task RunAsync()
    {
        const int n = 1_000_000;
        var (_, probabilities) = SyntheticProbabilities.Make(n, 10, 0, seed: 2);
        var random = new Random(3);
        var features = new float[n * Dimension];
        for (var i = 0; i < features.Length; i++)
            features[i] = (float)random.NextDouble();
        Console.WriteLine("| pool | strategy | batch | median time (5 runs) | peak managed |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var strategy in Enum.GetValues<QueryStrategy>())
        {
            foreach (var batch in new[] { 20, 100 })
            {
                var options = new QueryOptions { Strategy = strategy, Seed = 4 };
                ActiveLearningQuery.Select(probabilities, batch, options, features, Dimension);
                var times = new List<double>();
                long peak = 0;
                for (var r = 0; r < 5; r++)
                {
                    var run = Measure.Run(() => ActiveLearningQuery.Select(probabilities, batch, options, features, Dimension));
                    times.Add(run.Elapsed.TotalMilliseconds);
                    peak = Math.Max(peak, run.PeakManagedBytes);
                }
                times.Sort();
                Console.WriteLine($"| {n:N0} x 10{(strategy is QueryStrategy.Diversity or QueryStrategy.UncertaintyDiversity ? $" (+{Dimension}-d features)" : "")} | {strategy} | {batch} | {times[2]:F0} ms | {Measure.Mb(peak)} |");
            }
        }
        return Task.CompletedTask;
    }
}
