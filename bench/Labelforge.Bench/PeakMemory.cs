using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Labelforge.Bench;

/// <summary>
/// Samples the process working set while one phase runs, so each row of a table gets its own peak
/// (the OS peak counter only ever grows over the process lifetime).
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    private PeakMemory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        ReturnFreedNativeMemory();
        Sample();
        _timer = new Timer(_ => Sample(), null, 0, 20);
    }

    public static PeakMemory Start() => new();

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    private void Sample()
    {
        using var p = Process.GetCurrentProcess();
        var ws = p.WorkingSet64;
        long seen;
        while ((seen = Interlocked.Read(ref _peak)) < ws && Interlocked.CompareExchange(ref _peak, ws, seen) != seen)
        {
        }
    }

    /// <summary>
    /// glibc keeps memory that native code freed (SQLite page caches of connections an earlier phase closed) in its
    /// heap, counted in the working set; without giving it back, a phase's peak carried up to 250 MB of earlier ones.
    /// </summary>
    private static void ReturnFreedNativeMemory()
    {
        if (!OperatingSystem.IsLinux())
            return;
        try
        {
            _ = MallocTrim(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (e.g. musl): the peak then includes what earlier phases left.
        }
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);

    public void Dispose() => _timer.Dispose();
}
