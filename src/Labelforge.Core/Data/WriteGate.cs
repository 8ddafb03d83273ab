using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Data;

/// <summary>
/// Lets one annotator-facing write transaction (a claim, a skip, a submission) of this process into a database at a
/// time. SQLite has one writer, and a connection it turns away waits in its busy handler, which sleeps in growing steps
/// (up to 100 ms each): with 20 annotators claiming and submitting at once, requests waited up to a second for a lock
/// held a few milliseconds. Queued here instead, each starts as soon as the one before commits. Other writers
/// (imports, retrains, the search indexer) still meet these at the database's own lock.
/// </summary>
public static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the gate of <paramref name="db"/>'s database; dispose the result to let the next one in.</summary>
    public static async Task<IDisposable> EnterAsync(LabelforgeDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var gate = Gates.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
                gate.Release();
        }
    }
}
