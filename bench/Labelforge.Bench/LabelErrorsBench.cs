using Labelforge.Engine.LabelErrors;

namespace Labelforge.Bench;

/// <summary>Confident learning on 100,000 x 10 probabilities, the size cleanlab's find_label_issues takes about 0.13 s on.</summary>
internal static class LabelErrorsBench
{
    public static Task RunAsync()
    {
        Console.WriteLine("| n x k | filter | flagged | fastest of 15 runs | median of 15 runs | peak managed | peak working set |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (n, k) in new[] { (100_000, 10), (1_000_000, 10) })
        {
            var (given, probabilities) = SyntheticProbabilities.Make(n, k, 0.1, seed: 1);
            foreach (var filter in Enum.GetValues<LabelErrorFilter>())
            {
                var options = new LabelErrorOptions { Filter = filter };
                LabelErrorDetector.Find(given, probabilities, options);
                var times = new List<double>();
                var flagged = 0;
                long peakManaged = 0, peakWorkingSet = 0;
                for (var r = 0; r < 15; r++)
                {
                    var run = Measure.Run(() => LabelErrorDetector.Find(given, probabilities, options));
                    times.Add(run.Elapsed.TotalMilliseconds);
                    flagged = run.Result.Indices.Length;
                    peakManaged = Math.Max(peakManaged, run.PeakManagedBytes);
                    peakWorkingSet = Math.Max(peakWorkingSet, run.PeakWorkingSetBytes);
                }
                times.Sort();
                Console.WriteLine($"| {n:N0} x {k} | {filter} | {flagged:N0} | {times[0]:F1} ms | {times[7]:F1} ms | {Measure.Mb(peakManaged)} | {Measure.Mb(peakWorkingSet)} |");
            }
        }
        return Task.CompletedTask;
    }
}
