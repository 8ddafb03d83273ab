using Labelforge.Core.Data;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The SQLite <see cref="IUtf8RowReader"/>: one statement prepared on the connection's raw handle, text columns read
/// with sqlite3_column_blob, i.e. the stored UTF-8 bytes as they are. Microsoft.Data.Sqlite's GetString decodes
/// every value into a new UTF-16 string, which an export then encodes back to UTF-8.
/// </summary>
internal sealed class SqliteUtf8RowReader : IUtf8RowReader
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;
    private bool _done;

    public SqliteUtf8RowReader(SqliteConnection connection, string sql, long projectId)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("the connection is not open");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
        Check(raw.sqlite3_bind_int64(_stmt, raw.sqlite3_bind_parameter_index(_stmt, "@project"), projectId));
    }

    public bool Read()
    {
        if (_done)
            return false;
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW)
            return true;
        _done = true;
        raw.sqlite3_reset(_stmt);
        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public ReadOnlySpan<byte> GetUtf8(int column) => raw.sqlite3_column_blob(_stmt, column);

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc) => SqliteException.ThrowExceptionForRC(rc, _db);
}
