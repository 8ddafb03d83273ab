using System.Diagnostics;

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

    public void Dispose() => _timer.Dispose();
}
