using System.Diagnostics;
using Labelforge.Engine.AutoAccept;

namespace Labelforge.Bench;

/// <summary>
/// Choosing the auto-accept threshold: every distinct confidence of the verified items is a candidate whose
/// precision bound is checked, so the cost grows with the number of verified items.
/// </summary>
internal static class AutoAcceptBench
{
    public static Task RunAsync()
    {
        Console.WriteLine("| verified items | unlabeled items | bound | seconds | threshold | passing verified |");
        Console.WriteLine("|---:|---:|---|---:|---:|---:|");
        foreach (var verified in new[] { 1_000, 10_000, 100_000 })
        {
            var random = new Random(7);
            // A calibrated model: an item with confidence c is right with probability c, confidences skewed high.
            var confidences = Enumerable.Range(0, verified).Select(_ => 0.5 + (0.5 * Math.Sqrt(random.NextDouble()))).ToArray();
            var correct = confidences.Select(c => random.NextDouble() < c).ToArray();
            var unlabeled = Enumerable.Range(0, 1_000_000).Select(_ => 0.5 + (0.5 * Math.Sqrt(random.NextDouble()))).ToArray();
            foreach (var bound in new[] { PrecisionBound.ClopperPearson, PrecisionBound.Wilson })
            {
                var sw = Stopwatch.StartNew();
                var result = ConfidenceThreshold.Select(confidences, correct, unlabeled, new AutoAcceptOptions { TargetPrecision = 0.98, Bound = bound });
                Console.WriteLine($"| {verified:N0} | {unlabeled.Length:N0} | {bound} | {sw.Elapsed.TotalSeconds:F3} | " +
                    $"{(result.Threshold is { } t ? t.ToString("F4", System.Globalization.CultureInfo.InvariantCulture) : "none")} | {result.Verified:N0} |");
            }
        }
        return Task.CompletedTask;
    }
}
