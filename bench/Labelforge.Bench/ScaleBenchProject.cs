using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Items;
using Labelforge.Core.Projects;
using Labelforge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Bench;

/// <summary>
/// Builds the scale suite's project databases: one project of generated ~200-byte text items (the store suite's
/// words), imported through the normal bulk import path, its text index built, and a stored active-learning ranking of
/// 10,000 items (what a retrain leaves) so the active-learning orders have one to walk. Each size is built once into
/// a file and reused (delete the file to rebuild); a run works on a copy.
/// </summary>
internal static class ScaleBenchProject
{
    public const string Name = "scale";
    public const int RankedItems = 10_000;

    private static readonly string[] Words = ["label", "data", "model", "quality", "review", "annotation", "pipeline", "text", "class", "error",
        "spam", "great", "product", "delivery", "fast", "slow", "broken", "works", "price", "support"];

    /// <summary>The built file for <paramref name="items"/>, built now if missing; returns the seconds of import and indexing when it built.</summary>
    public static async Task<(string Path, TimeSpan? Import, TimeSpan? Index)> EnsureAsync(string dir, int items)
    {
        var path = System.IO.Path.Combine(dir, $"scale-{items}.db");
        if (File.Exists(path))
            return (path, null, null);
        var building = path + ".building";
        BenchDatabase.Delete(building);
        var store = await LabelforgeStore.OpenSqliteAsync(building);
        var import = await ImportAsync(store, items, Name);
        var sw = Stopwatch.StartNew();
        await ItemSearchIndex.CatchUpAsync(store.CreateDb);
        var index = sw.Elapsed;
        await RankAsync(store);
        SqliteConnection.ClearAllPools();
        await using (var c = new SqliteConnection($"Data Source={building}"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await cmd.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return (path, import, index);
    }

    /// <summary>Creates project <paramref name="name"/> and imports <paramref name="items"/> generated rows; returns the import's time.</summary>
    public static async Task<TimeSpan> ImportAsync(LabelforgeStore store, int items, string name)
    {
        await using var services = BenchServices.For(store);
        await using var scope = services.CreateAsyncScope();
        var project = await scope.Get<ProjectOperations>().CreateAsync(new NewProject(name, Labels: ["a", "b", "c"]));
        var sw = Stopwatch.StartNew();
        var report = await scope.Get<ImportOperations>().ImportAsync(project.Id, "generated.jsonl", ImportFormat.Jsonl, Rows(items), new ImportOptions());
        if (report.Imported != items)
            throw new InvalidOperationException($"scale bench import stored {report.Imported} of {items} rows");
        return sw.Elapsed;
    }

    // The items as a reader would hand them over (hash included), so the import time is the write path's.
#pragma warning disable CS1998 // an async iterator over generated rows needs no await
    private static async IAsyncEnumerable<ImportEntry> Rows(int count)
    {
        var random = new Random(2026);
        var text = new StringBuilder(256);
        for (var i = 0; i < count; i++)
        {
            text.Clear().Append("item ").Append(i).Append(':');
            while (text.Length < 190)
                text.Append(' ').Append(Words[random.Next(Words.Length)]);
            var s = text.ToString();
            var id = "r" + i;
            var json = JsonSerializer.Serialize(new { id, text = s });
            yield return ImportEntry.Ok(new ImportRecord("generated.jsonl", i + 1, id, s, json, []));
        }
    }
#pragma warning restore CS1998

    // A retrain's stored ranking: every 37th item from the start, rank by position (what QueueModelOperations.SaveRoundAsync writes).
    private static async Task RankAsync(LabelforgeStore store)
    {
        await using var c = new SqliteConnection(store.ConnectionString);
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "INSERT INTO queue_ranks (ItemId, ProjectId, Rank, Score) " +
            "SELECT Id, ProjectId, ROW_NUMBER() OVER (ORDER BY Id) - 1, 1.0 FROM (SELECT Id, ProjectId FROM items WHERE Id % 37 = 0 ORDER BY Id LIMIT $n)";
        cmd.Parameters.AddWithValue("$n", RankedItems);
        await cmd.ExecuteNonQueryAsync();
    }
}
