using Labelforge.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Labelforge.Storage.Tests.Sqlite;

/// <summary>The background checkpointer of bulk writes: it, not the writing connection, moves the WAL into the database.</summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-wal-" + Guid.NewGuid().ToString("N"));

    public WalCheckpointerTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void Checkpoints_run_off_the_writer_and_its_setting_comes_back()
    {
        var path = Path.Combine(_dir, "w.db");
        using var writer = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path));
        writer.Open();
        SqlitePragmas.Apply(writer);
        Execute(writer, "CREATE TABLE t (x TEXT NOT NULL)");
        Execute(writer, "PRAGMA wal_checkpoint(TRUNCATE)");
        var before = new FileInfo(path).Length;

        using (new WalCheckpointer(writer))
        {
            Assert.Equal(0L, Scalar(writer, "PRAGMA wal_autocheckpoint"));
            for (var batch = 0; batch < 5; batch++)
                Execute(writer, $"INSERT INTO t SELECT hex(randomblob(200)) FROM {Series(2000)}");
            // Only a checkpoint writes pages into the database file; the writer's own automatic ones are off.
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (new FileInfo(path).Length <= before && waited.Elapsed < TimeSpan.FromSeconds(20))
                Thread.Sleep(50);
            Assert.True(new FileInfo(path).Length > before, "the background checkpointer never copied the WAL into the database");
        }

        Assert.Equal(1000L, Scalar(writer, "PRAGMA wal_autocheckpoint"));
        Assert.Equal(10_000L, Scalar(writer, "SELECT count(*) FROM t"));
        Assert.Equal("ok", Scalar(writer, "PRAGMA integrity_check"));
    }

    /// <summary>A row source of <paramref name="n"/> rows without the generate_series extension.</summary>
    private static string Series(int n) =>
        $"(WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < {n}) SELECT i FROM s)";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test on cleanup.
        }
    }
}
