using System.Diagnostics;
using System.Text;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Projects;
using Labelforge.Storage;

namespace Labelforge.Bench;

/// <summary>
/// Import and export of generated ~200-byte text items through the embedded store, with sqlite3's own
/// `.import` of the same CSV into a plain table as the floor to compare with.
/// </summary>
internal static class StoreBench
{
    public static async Task RunAsync()
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("LF_BENCH_ROWS"), out var n) ? n : 1_000_000;
        var dir = Path.Combine(Path.GetTempPath(), "lf-bench-store-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            var csv = Path.Combine(dir, "items.csv");
            var jsonl = Path.Combine(dir, "items.jsonl");
            Generate(csv, jsonl, rows);
            Console.WriteLine($"{rows:N0} items, CSV {new FileInfo(csv).Length / 1e6:F0} MB, JSONL {new FileInfo(jsonl).Length / 1e6:F0} MB");
            Console.WriteLine();
            Console.WriteLine("| operation | rows | seconds | rows/s | peak working set |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            Row("sqlite3 .import CSV (plain table, floor)", rows, SqliteCliImport(dir, csv), null);
            foreach (var (name, file, format) in new[] { ("read CSV only", csv, ImportFormat.Csv), ("read JSONL only", jsonl, ImportFormat.Jsonl) })
            {
                using var peak = PeakMemory.Start();
                var sw = Stopwatch.StartNew();
                long count = 0;
                await foreach (var e in ImportReaders.ReadAsync(file, format, new ImportFieldMap(IdField: "id"), ImportReaderOptions.Default))
                    count += e.Record is null ? 0 : 1;
                Row(name, count, sw.Elapsed, peak.PeakBytes);
            }
            foreach (var (name, file, format) in new[] { ("import CSV", csv, ImportFormat.Csv), ("import JSONL", jsonl, ImportFormat.Jsonl) })
            {
                var db = Path.Combine(dir, $"{format}.db");
                using var peak = PeakMemory.Start();
                var sw = Stopwatch.StartNew();
                var report = await ImportAsync(db, file, format);
                Row(name, report.Imported, sw.Elapsed, peak.PeakBytes);
            }
            foreach (var format in new[] { ExportFormat.Jsonl, ExportFormat.Csv, ExportFormat.Parquet })
            {
                using var peak = PeakMemory.Start();
                var sw = Stopwatch.StartNew();
                var written = await ExportAsync(Path.Combine(dir, "Csv.db"), Path.Combine(dir, "out" + format.Extension()), format);
                Row($"export {format.ToWire()}", written, sw.Elapsed, peak.PeakBytes);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    private static void Row(string name, long rows, TimeSpan elapsed, long? peak) =>
        Console.WriteLine($"| {name} | {rows:N0} | {elapsed.TotalSeconds:F2} | {rows / elapsed.TotalSeconds:N0} | {(peak is { } p ? Measure.Mb(p) : "n/a (separate process)")} |");

    private static async Task<ImportReport> ImportAsync(string dbPath, string file, ImportFormat format)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(dbPath);
        await using var db = store.CreateDb();
        var project = await new ProjectOperations(db, TimeProvider.System).CreateAsync(new NewProject("bench", Labels: ["a", "b"]));
        var entries = ImportReaders.ReadAsync(file, format, new ImportFieldMap(IdField: "id"), ImportReaderOptions.Default);
        var report = await new ImportOperations(db, TimeProvider.System).ImportAsync(project.Id, file, format, entries, new ImportOptions());
        if (report.ErrorCount > 0)
            throw new InvalidOperationException($"bench import had {report.ErrorCount} errors, first: {report.Errors[0]}");
        return report;
    }

    private static async Task<long> ExportAsync(string dbPath, string output, ExportFormat format)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(dbPath);
        await using var db = store.CreateDb();
        await using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return await new ExportRequest(1, format, false).WriteAsync(db, TimeProvider.System, file);
    }

    private static TimeSpan SqliteCliImport(string dir, string csv)
    {
        var info = new ProcessStartInfo("sqlite3") { UseShellExecute = false, RedirectStandardInput = true };
        info.ArgumentList.Add(Path.Combine(dir, "floor.db"));
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(info)!;
        p.StandardInput.WriteLine("PRAGMA journal_mode=WAL;");
        p.StandardInput.WriteLine(".mode csv");
        p.StandardInput.WriteLine($".import '{csv}' t");
        p.StandardInput.Close();
        p.WaitForExit();
        return sw.Elapsed;
    }

    /// <summary>Writes the same seeded items as CSV and JSONL: an id, a ~200-byte text and a category field.</summary>
    private static void Generate(string csvPath, string jsonlPath, int rows)
    {
        string[] words = ["label", "data", "model", "quality", "review", "annotation", "pipeline", "text", "class", "error",
            "spam", "great", "product", "delivery", "fast", "slow", "broken", "works", "price", "support"];
        var random = new Random(2026);
        using var csv = new StreamWriter(csvPath, false, new UTF8Encoding(false), 1 << 16);
        using var jsonl = new StreamWriter(jsonlPath, false, new UTF8Encoding(false), 1 << 16);
        csv.WriteLine("id,text,category");
        var text = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            text.Clear().Append("item ").Append(i).Append(':');
            while (text.Length < 190)
                text.Append(' ').Append(words[random.Next(words.Length)]);
            var category = words[random.Next(5)];
            csv.Write("r"); csv.Write(i); csv.Write(",\""); csv.Write(text); csv.Write("\","); csv.WriteLine(category);
            jsonl.Write("{\"id\":\"r"); jsonl.Write(i); jsonl.Write("\",\"text\":\""); jsonl.Write(text); jsonl.Write("\",\"category\":\""); jsonl.Write(category); jsonl.WriteLine("\"}");
        }
    }
}
