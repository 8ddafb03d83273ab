using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Writing;
using Labelforge.Core.Items;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Labelforge.Storage.Tests.Sqlite;

/// <summary>The by-index SQLite item writer against the generic ADO.NET writer: same rows, same reports, same rollback.</summary>
public sealed class SqliteItemBulkWriterTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-bulk-" + Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    public SqliteItemBulkWriterTests() => Directory.CreateDirectory(_dir);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_store_registers_the_sqlite_writer()
    {
        using var db = new LabelforgeDb(LabelforgeStore.SqliteOptions(Path.Combine(_dir, "r.db")));
        Assert.IsType<SqliteItemBulkWriterFactory>(ItemBulkWriterOptionsExtension.Find(db));
        using var generic = new LabelforgeDb(GenericOptions(Path.Combine(_dir, "g.db")));
        Assert.Null(ItemBulkWriterOptionsExtension.Find(generic));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    public async Task Writes_the_same_items_as_the_generic_writer_with_duplicates_and_collisions(int rowsPerStatement)
    {
        var generic = await ImportTwiceAsync(GenericOptions(Path.Combine(_dir, "generic.db")));
        var fast = await ImportTwiceAsync(FastOptions(Path.Combine(_dir, "fast.db"), rowsPerStatement));
        Assert.Equal(generic.Reports, fast.Reports);
        Assert.Equal(generic.Items, fast.Items);
        Assert.Equal(generic.State, fast.State);
        Assert.Equal(fast.Items.Count, fast.State.Count);
        Assert.Contains(fast.Items, i => i.Text == "beta" && i.ContentKey is null);
        Assert.Contains(fast.Items, i => i.Text.Length == 0);
        Assert.True(fast.Items.Count(i => i.Labels is not null) > 100);
    }

    [Fact]
    public async Task A_strict_import_with_a_bad_row_leaves_the_database_as_it_was()
    {
        await using var db = await OpenAsync(FastOptions(Path.Combine(_dir, "strict.db"), SqliteItemBulkWriterFactory.DefaultRows));
        var projectId = await ProjectAsync(db);
        await ImportAsync(db, projectId, new ImportOptions(), [.. Rows(1, 30)]);
        var entries = Rows(100, 200).Append(ImportEntry.Bad(new ImportError("mem.jsonl", 999, "text", "broken"))).ToArray();
        var report = await ImportAsync(db, projectId, new ImportOptions(Strict: true), entries);
        Assert.True(report.RolledBack);
        Assert.Equal(30, await db.Items.CountAsync(Ct));
        Assert.Equal(1, await db.ImportBatches.CountAsync(Ct));
    }

    private async Task<(List<string> Reports, List<ItemView> Items, List<string> State)> ImportTwiceAsync(DbContextOptions<LabelforgeDb> options)
    {
        await using var db = await OpenAsync(options);
        var projectId = await ProjectAsync(db);
        var reports = new List<string>();
        var first = await ImportAsync(db, projectId, new ImportOptions(BatchSize: 25), [.. Rows(1, 100)]);
        reports.Add(Summary(first));
        // Simulate a 64-bit collision: an existing item now holds the key that "beta" hashes to.
        var betaKey = ContentHash.Key(ContentHash.Of("beta"));
        await db.Items.Where(i => i.Text == "text 1").ExecuteUpdateAsync(s => s.SetProperty(i => i.ContentKey, betaKey), Ct);
        var second = Rows(90, 140).ToList();
        second.Insert(5, Row(500, "beta", "b"));
        second.Insert(9, Row(501, "beta", "b2"));       // same content in the same statement: a duplicate
        second.Insert(20, Row(502, "fresh", "id-3"));   // external id of an existing item
        second.Insert(30, Row(503, "", null));          // empty text must stay text, not NULL
        second.Insert(31, Row(504, "naïve café ✓ 漢字", null));
        second.Add(ImportEntry.Bad(new ImportError("mem.jsonl", 600, "text", "broken")));
        reports.Add(Summary(await ImportAsync(db, projectId, new ImportOptions(BatchSize: 7), [.. second])));
        reports.Add(Summary(await ImportAsync(db, projectId, new ImportOptions(), [.. second])));
        // Ids are left out: a collision is written after the rest of its statement, so ids follow the statement size.
        var items = await db.Items.AsNoTracking().OrderBy(i => i.ImportBatchId).ThenBy(i => i.Text)
            .Select(i => new ItemView(i.ExternalId, Convert.ToHexString(i.ContentHash), i.ContentKey, i.Text, i.DataJson, i.TextSlot, i.ImportBatchId,
                // The pre-annotation shows that each item got the id of its own row back from the writer.
                db.Annotations.Where(a => a.ItemId == i.Id).Select(a => a.LabelIdsJson).FirstOrDefault()))
            .ToListAsync(Ct);
        foreach (var item in items)
            Assert.Equal(item.Text, System.Text.Json.JsonDocument.Parse(ItemDocument.Compose(item.Text, item.DataJson, item.TextSlot)).RootElement.GetProperty("text").GetString());
        // Every item is undecided (no person labeled one) under its seeded-random key, and the maintained count is exact.
        var state = await db.Items.AsNoTracking().OrderBy(i => i.ImportBatchId).ThenBy(i => i.Text)
            .Select(i => new { i.Text, Undecided = db.UndecidedItems.Any(u => u.ProjectId == projectId && u.ItemId == i.Id
                && u.RandomKey == i.Id % SeededRandomStrategy.Modulus * SeededRandomStrategy.Multiplier % SeededRandomStrategy.Modulus) })
            .ToListAsync(Ct);
        Assert.All(state, s => Assert.True(s.Undecided, s.Text));
        Assert.Equal(items.Count, await db.ProjectCounts.Where(c => c.ProjectId == projectId).Select(c => c.Items).SingleAsync(Ct));
        Assert.Equal(items.Count, await db.UndecidedItems.CountAsync(u => u.ProjectId == projectId, Ct));
        return (reports, items, state.Select(s => s.Text).ToList());
    }

    private static string Summary(ImportReport r) => $"{r.Rows} {r.Imported} {r.SkippedDuplicates} {r.Annotations} {r.ErrorCount} {r.RolledBack}";

    private static IEnumerable<ImportEntry> Rows(int from, int to) =>
        Enumerable.Range(from, to - from + 1).Select(i => Row(i, $"text {i}", i % 4 == 0 ? null : $"id-{i}", i % 3 == 0 ? "spam" : "ham"));

    /// <summary>Even lines in the stored form (text as a placeholder at offset 8), odd lines as whole documents.</summary>
    private static ImportEntry Row(long line, string text, string? id, params string[] labels) =>
        ImportEntry.Ok(new ImportRecord("mem.jsonl", line, id, text,
            line % 2 == 0 ? "{\"text\":null,\"id\":" + System.Text.Json.JsonSerializer.Serialize(id) + "}" : System.Text.Json.JsonSerializer.Serialize(new { text, id }),
            labels.Length == 0 ? [] : [new ImportedAnnotation(null, AnnotationKind.Import, labels)],
            line % 2 == 0 ? 8 : null));

    private ServiceProvider Services(LabelforgeDb db) =>
        new ServiceCollection().AddSingleton(db).AddSingleton<TimeProvider>(_time).AddLabelforgeCore().BuildServiceProvider();

    private async Task<ImportReport> ImportAsync(LabelforgeDb db, long projectId, ImportOptions options, params ImportEntry[] entries)
    {
        await using var services = Services(db);
        return await services.GetRequiredService<ImportOperations>().ImportAsync(projectId, "mem.jsonl", ImportFormat.Jsonl, entries.ToAsyncEnumerable(), options, ct: Ct);
    }

    private async Task<long> ProjectAsync(LabelforgeDb db)
    {
        await using var services = Services(db);
        return (await services.GetRequiredService<ProjectOperations>().CreateAsync(new NewProject("p", Labels: ["ham", "spam"]), Ct)).Id;
    }

    private static async Task<LabelforgeDb> OpenAsync(DbContextOptions<LabelforgeDb> options)
    {
        var db = new LabelforgeDb(options);
        await db.Database.MigrateAsync(Ct);
        return db;
    }

    private static DbContextOptions<LabelforgeDb> GenericOptions(string path) =>
        new DbContextOptionsBuilder<LabelforgeDb>()
            .UseSqlite(LabelforgeStore.SqliteConnectionString(path), o => o.MigrationsAssembly(typeof(LabelforgeStore).Assembly.GetName().Name))
            .AddInterceptors(new SqlitePragmas())
            .Options;

    private static DbContextOptions<LabelforgeDb> FastOptions(string path, int rowsPerStatement) =>
        ItemBulkWriterOptionsExtension.Use(
            new DbContextOptionsBuilder<LabelforgeDb>(GenericOptions(path)), new SqliteItemBulkWriterFactory(rowsPerStatement)).Options;

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

    private sealed record ItemView(string? ExternalId, string Hash, long? ContentKey, string Text, string DataJson, int? TextSlot, long? BatchId, string? Labels);
}
