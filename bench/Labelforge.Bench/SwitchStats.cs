using System.Globalization;

namespace Labelforge.Bench;

/// <summary>Percentiles of item-switch samples, with a distribution-free 95% interval for the p95.</summary>
internal static class SwitchStats
{
    public const string Header =
        "| client | round | switches | waited for server | own work p50 ms | own work p95 ms | to frame p50 ms | to frame p95 ms (95% CI) | max ms | first-frame wait p95 ms | in 1st frame after key | frame p95 |";

    public const string Rule = "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";

    public static string Row(string client, string round, IReadOnlyList<SwitchSample> samples)
    {
        var render = Sorted(samples.Select(s => s.RenderMs));
        var switches = Sorted(samples.Select(s => s.SwitchMs));
        var wait = Sorted(samples.Select(s => s.FirstFrameMs).Where(w => w >= 0));
        var frames = Sorted(samples.Select(s => (double)s.Frame));
        var (low, high) = Interval(switches, 0.95);
        var onTime = samples.Count == 0 ? double.NaN : samples.Count(s => s.Frame == 1) / (double)samples.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {client} | {round} | {samples.Count} | {samples.Count(s => s.Waited)} | {Pct(render, 0.50):F1} | {Pct(render, 0.95):F1} | {Pct(switches, 0.50):F1} | {Pct(switches, 0.95):F1} ({low:F1}–{high:F1}) | {(switches.Length == 0 ? double.NaN : switches[^1]):F1} | {Pct(wait, 0.95):F1} | {onTime:P1} | {Pct(frames, 0.95):F0} |");
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Pct(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// Order-statistic interval for the p-quantile: the ranks n·p ± 1.96·√(n·p·(1−p)) (normal approximation
    /// to the binomial count of samples below the quantile), so the width says how far a p95 can be trusted.
    /// </summary>
    public static (double Low, double High) Interval(double[] sorted, double p)
    {
        if (sorted.Length == 0) return (double.NaN, double.NaN);
        var n = sorted.Length;
        var half = 1.96 * Math.Sqrt(n * p * (1 - p));
        var lo = Math.Clamp((int)Math.Floor(n * p - half) - 1, 0, n - 1);
        var hi = Math.Clamp((int)Math.Ceiling(n * p + half) - 1, 0, n - 1);
        return (sorted[lo], sorted[hi]);
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }
}
