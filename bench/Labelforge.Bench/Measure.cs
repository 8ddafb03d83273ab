using System.Diagnostics;

namespace Labelforge.Bench;

/// <summary>Wall time and peak memory of one run of a workload.</summary>
internal static class Measure
{
    public static (TimeSpan Elapsed, long PeakManagedBytes, long PeakWorkingSetBytes, T Result) Run<T>(Func<T> work)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long peakManaged = GC.GetTotalMemory(false);
        using var sampler = new Timer(_ => peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false)), null, 0, 10);
        var sw = Stopwatch.StartNew();
        var result = work();
        sw.Stop();
        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
        process.Refresh();
        return (sw.Elapsed, peakManaged, process.PeakWorkingSet64, result);
    }

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
}
