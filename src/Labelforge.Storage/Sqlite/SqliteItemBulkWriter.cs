using System.Data.Common;
using System.Text;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Writing;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The SQLite <see cref="IItemBulkWriter"/>: statements prepared once on the connection's raw handle and bound by
/// parameter index, with text encoded to UTF-8 into one reused buffer (SQLite copies it, SQLITE_TRANSIENT).
/// Microsoft.Data.Sqlite binds every parameter by name on every run, a UTF-8 copy of the name and a search over
/// the statement's names per value, which was the largest avoidable cost of the import's single writer thread.
/// The per-row calls go straight to the library on raw handles (<see cref="SqliteNative"/>). The statements run in
/// whatever transaction is open on the connection, so batch commits and strict rollback stay with the import.
/// INSERT OR IGNORE for the statement-journal reason given on Core's ImportConnection.
/// </summary>
internal sealed class SqliteItemBulkWriter : IItemBulkWriter
{
    private const int Shared = 3;
    private const int PerRow = 6;

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _many;
    private readonly sqlite3_stmt _one;
    private readonly sqlite3_stmt _since;
    private readonly sqlite3_stmt _undecidedMany;
    private readonly sqlite3_stmt _undecidedOne;
    private readonly sqlite3_stmt _range;
    // Raw handles of the statements and connection above, which this writer keeps alive until it is disposed.
    private readonly IntPtr _dbHandle;
    private readonly IntPtr _manyHandle;
    private readonly IntPtr _oneHandle;
    private readonly IntPtr _undecidedManyHandle;
    private readonly IntPtr _undecidedOneHandle;
    private long _lastId;
    private byte[] _utf8 = new byte[1024];
    private readonly WalCheckpointer _checkpointer;

    public SqliteItemBulkWriter(SqliteConnection connection, int rowsPerStatement, long projectId, long batchId, long createdAtMs)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the import connection is not open");
        RowsPerStatement = rowsPerStatement;
        _one = Prepare(1, projectId, batchId, createdAtMs);
        _many = rowsPerStatement == 1 ? _one : Prepare(rowsPerStatement, projectId, batchId, createdAtMs);
        Check(raw.sqlite3_prepare_v2(_db,
            "SELECT Id, ExternalId, ContentKey FROM items WHERE ProjectId = ?1 AND Id > ?2 AND ImportBatchId = ?3 ORDER BY Id", out _since));
        Check(raw.sqlite3_bind_int64(_since, 1, projectId));
        Check(raw.sqlite3_bind_int64(_since, 3, batchId));
        _undecidedOne = PrepareUndecided(1, projectId);
        _undecidedMany = PrepareUndecided(rowsPerStatement, projectId);
        Check(raw.sqlite3_prepare_v2(_db, "INSERT INTO undecided_ranges (ProjectId, FirstId, LastId) VALUES (?1, ?2, ?3)", out _range));
        Check(raw.sqlite3_bind_int64(_range, 1, projectId));
        _checkpointer = new WalCheckpointer(connection);
        _dbHandle = _db.DangerousGetHandle();
        (_manyHandle, _oneHandle) = (_many.DangerousGetHandle(), _one.DangerousGetHandle());
        (_undecidedManyHandle, _undecidedOneHandle) = (_undecidedMany.DangerousGetHandle(), _undecidedOne.DangerousGetHandle());
    }

    public int RowsPerStatement { get; }

    /// <summary>Not needed: raw statements run in the transaction open on the connection.</summary>
    public DbTransaction? Transaction { set { } }

    /// <summary>
    /// When every row went in (the usual case), the ids are the statement's consecutive AUTOINCREMENT ids ending at
    /// the last insert rowid, so no row has to come back from SQLite; only a statement that ignored some rows
    /// reads its new rows back (this import's batch, above the last id it saw) to tell which ones they were.
    /// </summary>
    public void Insert(ReadOnlySpan<ItemRow> rows, Span<long> ids)
    {
        var stmt = rows.Length == 1 ? _oneHandle : _manyHandle;
        for (var i = 0; i < rows.Length; i++)
        {
            Bind(stmt, Shared + 1 + (i * PerRow), rows[i]);
            ids[i] = 0;
        }
        Run(stmt);
        var inserted = SqliteNative.Changes(_dbHandle);
        if (inserted == 0)
            return;
        var last = SqliteNative.LastInsertRowId(_dbHandle);
        if (inserted == rows.Length)
        {
            for (var i = 0; i < rows.Length; i++)
                ids[i] = last - rows.Length + 1 + i;
        }
        else
        {
            ReadBack(rows, ids);
        }
        _lastId = last;
    }

    public void InsertUndecided(ReadOnlySpan<long> itemIds, ReadOnlySpan<long> randomKeys)
    {
        var i = 0;
        for (; i + RowsPerStatement <= itemIds.Length; i += RowsPerStatement)
            RunUndecided(_undecidedManyHandle, itemIds.Slice(i, RowsPerStatement), randomKeys.Slice(i, RowsPerStatement));
        for (; i < itemIds.Length; i++)
            RunUndecided(_undecidedOneHandle, itemIds.Slice(i, 1), randomKeys.Slice(i, 1));
    }

    public void InsertUndecidedRange(long firstId, long lastId)
    {
        Check(raw.sqlite3_bind_int64(_range, 2, firstId));
        Check(raw.sqlite3_bind_int64(_range, 3, lastId));
        var rc = raw.sqlite3_step(_range);
        raw.sqlite3_reset(_range);
        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
    }

    private void RunUndecided(IntPtr stmt, ReadOnlySpan<long> itemIds, ReadOnlySpan<long> randomKeys)
    {
        for (var i = 0; i < itemIds.Length; i++)
        {
            Check(SqliteNative.BindInt64(stmt, 2 + (2 * i), itemIds[i]));
            Check(SqliteNative.BindInt64(stmt, 3 + (2 * i), randomKeys[i]));
        }
        Run(stmt);
    }

    /// <summary>Steps a bound insert to its end and resets it for the next rows.</summary>
    private void Run(IntPtr stmt)
    {
        var rc = SqliteNative.Step(stmt);
        // Reset repeats the step's error, which the check below already reports.
        _ = SqliteNative.Reset(stmt);
        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
    }

    private sqlite3_stmt PrepareUndecided(int rows, long projectId)
    {
        var values = new StringBuilder();
        for (var i = 0; i < rows; i++)
            values.Append(i == 0 ? "" : ", ").Append($"(?1, ?{2 + (2 * i)}, ?{3 + (2 * i)})");
        Check(raw.sqlite3_prepare_v2(_db, "INSERT OR IGNORE INTO undecided_items (ProjectId, ItemId, RandomKey) VALUES " + values, out var stmt));
        Check(raw.sqlite3_bind_int64(stmt, 1, projectId));
        return stmt;
    }

    private void ReadBack(ReadOnlySpan<ItemRow> rows, Span<long> ids)
    {
        Check(raw.sqlite3_bind_int64(_since, 2, _lastId));
        int rc;
        while ((rc = raw.sqlite3_step(_since)) == raw.SQLITE_ROW)
        {
            var external = raw.sqlite3_column_type(_since, 1) == raw.SQLITE_NULL ? null : raw.sqlite3_column_text(_since, 1).utf8_to_string();
            long? key = raw.sqlite3_column_type(_since, 2) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_since, 2);
            ReturnedIds.Match(rows, ids, raw.sqlite3_column_int64(_since, 0), external, key);
        }
        raw.sqlite3_reset(_since);
        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
    }

    private void Bind(IntPtr stmt, int first, in ItemRow row)
    {
        if (row.ExternalId is null)
            Check(SqliteNative.BindNull(stmt, first));
        else
            BindText(stmt, first, row.ExternalId);
        BindBlob(stmt, first + 1, row.Hash);
        Check(row.ContentKey is { } key ? SqliteNative.BindInt64(stmt, first + 2, key) : SqliteNative.BindNull(stmt, first + 2));
        BindText(stmt, first + 3, row.Text);
        BindText(stmt, first + 4, row.DataJson);
        Check(row.TextSlot is { } slot ? SqliteNative.BindInt64(stmt, first + 5, slot) : SqliteNative.BindNull(stmt, first + 5));
    }

    private unsafe void BindBlob(IntPtr stmt, int index, byte[] blob)
    {
        fixed (byte* bytes = blob)
            Check(SqliteNative.BindBlob(stmt, index, bytes, blob.Length, SqliteNative.Transient));
    }

    /// <summary>Binds <paramref name="text"/> as UTF-8 from the reused buffer; SQLite copies it (SQLITE_TRANSIENT).</summary>
    private unsafe void BindText(IntPtr stmt, int index, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (max > _utf8.Length)
            _utf8 = new byte[Math.Max(max, _utf8.Length * 2)];
        var n = Encoding.UTF8.GetBytes(text, _utf8);
        // The buffer is never empty, so even an empty text passes an address: SQLite binds NULL for a null pointer.
        fixed (byte* bytes = _utf8)
            Check(SqliteNative.BindText(stmt, index, bytes, n, SqliteNative.Transient));
    }

    private sqlite3_stmt Prepare(int rows, long projectId, long batchId, long createdAtMs)
    {
        var values = new StringBuilder();
        for (var i = 0; i < rows; i++)
        {
            var p = Shared + 1 + (i * PerRow);
            values.Append(i == 0 ? "" : ", ").Append($"(?1, ?{p}, ?{p + 1}, ?{p + 2}, ?{p + 3}, ?{p + 4}, ?{p + 5}, ?2, ?3)");
        }
        Check(raw.sqlite3_prepare_v2(_db,
            "INSERT OR IGNORE INTO items (ProjectId, ExternalId, ContentHash, ContentKey, Text, DataJson, TextSlot, ImportBatchId, CreatedAt) VALUES " +
            values, out var stmt));
        Check(raw.sqlite3_bind_int64(stmt, 1, projectId));
        Check(raw.sqlite3_bind_int64(stmt, 2, batchId));
        Check(raw.sqlite3_bind_int64(stmt, 3, createdAtMs));
        return stmt;
    }

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);

    public void Dispose()
    {
        _many.Dispose();
        _one.Dispose();
        _since.Dispose();
        _undecidedMany.Dispose();
        _undecidedOne.Dispose();
        _range.Dispose();
        _checkpointer.Dispose();
    }
}
