using Labelforge.Core.Data;
using Labelforge.Core.Erasure;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Writing;
using Labelforge.Core.Items;
using Labelforge.Storage.Sqlite;
using Labelforge.Storage.Sqlite.CompiledModel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage;

/// <summary>
/// Opens a project database: builds provider options, applies pending migrations, and hands out
/// contexts. Every provider difference (SQLite today, PostgreSQL later) stays behind this type.
/// </summary>
public sealed class LabelforgeStore
{
    private LabelforgeStore(DbContextOptions<LabelforgeDb> options, string connectionString, string? filePath)
    {
        Options = options;
        ConnectionString = connectionString;
        FilePath = filePath;
    }

    public DbContextOptions<LabelforgeDb> Options { get; }

    public string ConnectionString { get; }

    /// <summary>The database file's full path for a file-based store (SQLite); the media folder defaults to beside it.</summary>
    public string? FilePath { get; }

    public LabelforgeDb CreateDb() => new(Options);

    /// <summary>Opens (creating if missing) the SQLite file at <paramref name="path"/> and migrates it.</summary>
    public static async Task<LabelforgeStore> OpenSqliteAsync(string path, CancellationToken ct = default)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
            Directory.CreateDirectory(dir);
        var store = new LabelforgeStore(SqliteOptions(full), SqliteConnectionString(full), full);
        await using var db = store.CreateDb();
        // MigrateAsync also builds the migrations' snapshot model and diffs it against the current one on every
        // call (hundreds of ms of a CLI command's start-up); a database that already has every migration skips it.
        if (!await SqliteMigrationState.IsCurrentAsync(full, db, ct))
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

    /// <summary>
    /// The store's options. <paramref name="compiledModel"/> uses the generated model (`scripts/ef-compiled-model`)
    /// instead of building it from the conventions, which took a CLI command 1.4 to 2.2 s of start-up on the 2-core VM;
    /// design-time tools build from the conventions, so `dotnet ef migrations add` sees the model as the code has it.
    /// </summary>
    internal static DbContextOptions<LabelforgeDb> SqliteOptions(string path, bool compiledModel = true)
    {
        var builder = new DbContextOptionsBuilder<LabelforgeDb>()
            .UseSqlite(SqliteConnectionString(path), o => o.MigrationsAssembly(typeof(LabelforgeStore).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas());
        if (compiledModel)
            builder.UseModel(LabelforgeDbModel.Instance);
        ItemBulkWriterOptionsExtension.Use(builder, SqliteItemBulkWriterFactory.Instance);
        Utf8RowReaderOptionsExtension.Use(builder, SqliteUtf8RowReaderFactory.Instance);
        ErasureStoreOptionsExtension.Use(builder, SqliteErasureStore.Instance);
        return ItemSearchOptionsExtension.Use(builder, SqliteItemSearch.Instance).Options;
    }
}
