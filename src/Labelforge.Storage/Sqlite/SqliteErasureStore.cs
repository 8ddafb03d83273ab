using System.Data.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage.Sqlite;

/// <summary>
/// Erasure on SQLite leaves no copy in the files. Before the delete, on the erasing connection: <c>secure_delete</c>
/// (SQLite overwrites deleted cells and freed pages with zeros, the item's overflow pages included) and the FTS5
/// text index's own <c>secure-delete</c> option (its delete removes the row's entries from the index at once instead
/// of adding a delete marker beside them). After the commit: both back as they were, then
/// <c>wal_checkpoint(TRUNCATE)</c>, which copies the zeroed pages into the database file and empties the WAL, whose
/// older frames still held the text as it was written. A reader holding an old snapshot blocks the truncate (busy);
/// the result says so and <c>labelforge erase PROJECT --cleanup</c> runs it again.
/// </summary>
internal sealed class SqliteErasureStore : IErasureStore
{
    public static SqliteErasureStore Instance { get; } = new();

    public async Task BeginAsync(LabelforgeDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await ExecuteAsync(connection, "PRAGMA secure_delete=ON;", ct);
        await SetIndexSecureDeleteAsync(connection, true, ct);
    }

    public async Task<ErasureCleanup> FinishAsync(LabelforgeDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var indexed = await SetIndexSecureDeleteAsync(connection, false, ct);
        // The pooled connection goes back with the default (secure_delete off), so other writes keep their speed.
        await ExecuteAsync(connection, "PRAGMA secure_delete=OFF;", ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var busy = await reader.ReadAsync(ct) && reader.GetInt64(0) != 0;
        return new ErasureCleanup(SecureDelete: true, SearchIndexPurged: indexed, WalCheckpointed: !busy);
    }

    // FTS5's secure-delete option (SQLite 3.42+) is stored in the index's config table, so it is turned on for the
    // erasure only: it makes every delete rewrite index pages.
    private static async Task<bool> SetIndexSecureDeleteAsync(DbConnection connection, bool on, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync(connection, $"INSERT INTO item_search(item_search, rank) VALUES('secure-delete', {(on ? 1 : 0)});", ct);
            return true;
        }
        catch (DbException)
        {
            return false; // an SQLite without the option: the index keeps delete markers until its segments merge
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
