using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage;

/// <summary>
/// Opens a project database: builds provider options, applies pending migrations, and hands out
/// contexts. Every provider difference (SQLite today, PostgreSQL later) stays behind this type.
/// </summary>
public sealed class LabelforgeStore
{
    private LabelforgeStore(DbContextOptions<LabelforgeDb> options, string connectionString)
    {
        Options = options;
        ConnectionString = connectionString;
    }

    public DbContextOptions<LabelforgeDb> Options { get; }

    public string ConnectionString { get; }

    public LabelforgeDb CreateDb() => new(Options);

    /// <summary>Opens (creating if missing) the SQLite file at <paramref name="path"/> and migrates it.</summary>
    public static async Task<LabelforgeStore> OpenSqliteAsync(string path, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
        var store = new LabelforgeStore(SqliteOptions(full), SqliteConnectionString(full));
        await using var db = store.CreateDb();
        await db.Database.MigrateAsync(ct);
        return store;
    }

    internal static string SqliteConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();

    internal static DbContextOptions<LabelforgeDb> SqliteOptions(string path) =>
        ItemSearchOptionsExtension.Use(ItemBulkWriterOptionsExtension.Use(new DbContextOptionsBuilder<LabelforgeDb>()
            .UseSqlite(SqliteConnectionString(path), o => o.MigrationsAssembly(typeof(LabelforgeStore).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas()), SqliteItemBulkWriterFactory.Instance), SqliteItemSearch.Instance)
            .Options;
}
