using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Labelforge.Storage.Sqlite;

/// <summary>
/// Moves WAL checkpoints of a bulk write off the writing thread. With automatic checkpoints, the connection that
/// commits copies the WAL back into the database file itself, so a large import spends part of its single writer
/// thread writing every page a second time. While this runs, the import connection's automatic checkpoints are
/// off and a second connection on another thread checkpoints in PASSIVE mode (which never blocks the writer or
/// readers); disposing restores the connection's setting and stops the thread.
/// </summary>
internal sealed class WalCheckpointer : IDisposable
{
    private const int DefaultAutoCheckpointPages = 1000; // SQLite's default, which every other connection keeps
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly SqliteConnection _writer;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private readonly string _connectionString;

    public WalCheckpointer(SqliteConnection writer)
    {
        _writer = writer;
        _connectionString = writer.ConnectionString;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_wal_autocheckpoint(writer.Handle, 0), writer.Handle);
        _thread = new Thread(Run) { IsBackground = true, Name = "labelforge wal checkpoint" };
        _thread.Start();
    }

    private void Run()
    {
        try
        {
            using var connection = new SqliteConnection(_connectionString);
            connection.Open();
            while (!_stop.Token.WaitHandle.WaitOne(Interval))
                Execute(connection, "PRAGMA wal_checkpoint(PASSIVE)");
        }
        catch (SqliteException)
        {
            // Checkpointing here only saves the writer time: on a failure (disk full, file gone) this thread stops,
            // the import reports its own error if it has one, and automatic checkpoints resume when it ends.
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
        if (_writer.State == System.Data.ConnectionState.Open)
            SqliteException.ThrowExceptionForRC(raw.sqlite3_wal_autocheckpoint(_writer.Handle, DefaultAutoCheckpointPages), _writer.Handle);
    }
}
