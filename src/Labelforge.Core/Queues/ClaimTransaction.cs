using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Labelforge.Core.Queues;

/// <summary>
/// The write transaction of a claim, made as short as it can be, since claims of one database run one after another
/// (<see cref="WriteGate"/>, then SQLite's single writer) and 20 annotators wait on each other's:
/// no savepoint around its one save (EF adds one by default inside a transaction; a failed claim rolls back whole), and
/// on SQLite a commit that does not wait for the disk (<c>synchronous=NORMAL</c> for this transaction only; the
/// connection's setting is FULL). In WAL mode that commit still survives a crash of the process; only a power loss can
/// drop the last leases, and a lost lease only puts its item back in the pool. Submissions and skips stay durable.
/// </summary>
internal sealed class ClaimTransaction : IAsyncDisposable
{
    private readonly LabelforgeDb _db;
    private readonly IDbContextTransaction _tx;
    private readonly bool _sqlite;

    private ClaimTransaction(LabelforgeDb db, IDbContextTransaction tx, bool sqlite)
    {
        _db = db;
        _tx = tx;
        _sqlite = sqlite;
    }

    public static async Task<ClaimTransaction> BeginAsync(LabelforgeDb db, CancellationToken ct)
    {
        var sqlite = db.Database.ProviderName?.EndsWith(".Sqlite", StringComparison.Ordinal) == true;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // PRAGMA synchronous applies to the next commits and cannot change inside a transaction.
            if (sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = NORMAL", ct);
            db.Database.AutoSavepointsEnabled = false;
            return new ClaimTransaction(db, await db.Database.BeginTransactionAsync(ct), sqlite);
        }
        catch
        {
            await RestoreAsync(db, sqlite);
            throw;
        }
    }

    public Task CommitAsync(CancellationToken ct) => _tx.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        await RestoreAsync(_db, _sqlite);
    }

    // Not cancellable: the pooled connection must go back with the durable setting.
    private static async Task RestoreAsync(LabelforgeDb db, bool sqlite)
    {
        db.Database.AutoSavepointsEnabled = true;
        try
        {
            if (sqlite)
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL", CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
