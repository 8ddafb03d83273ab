using Labelforge.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Labelforge.Storage.Tests.Migrations;

/// <summary>
/// What every migration test needs: a temporary folder for its databases, a database migrated up to a given
/// migration (to write the rows an older version left), raw SQL on a connection, and clean-up.
/// </summary>
public abstract class MigrationTestFolder : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-storage-" + Guid.NewGuid().ToString("N"));

    protected MigrationTestFolder() => Directory.CreateDirectory(_dir);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The path of a database file <paramref name="name"/> in the test's folder.</summary>
    protected string PathOf(string name) => Path.Combine(_dir, name);

    /// <summary>Migrates the database at <paramref name="path"/> up (or down) to <paramref name="migration"/>, or to the latest when null.</summary>
    protected static async Task MigrateAsync(string path, string? migration = null)
    {
        await using var db = new LabelforgeDb(LabelforgeStore.SqliteOptions(path));
        await db.GetService<IMigrator>().MigrateAsync(migration, Ct);
    }

    protected static async Task ExecAsync(SqliteConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(Ct);
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
            // A leftover temp folder is harmless.
        }
        GC.SuppressFinalize(this);
    }
}
