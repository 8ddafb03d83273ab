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
            Console.WriteLine("| operation | rows | seconds | rows/s | CPU seconds | peak working set |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            var (floor, floorCpu) = SqliteCliImport(dir, csv);
            Row("sqlite3 .import CSV (plain table, floor)", rows, floor, null, floorCpu);
            foreach (var (name, file, format) in new[] { ("read CSV only", csv, ImportFormat.Csv), ("read JSONL only", jsonl, ImportFormat.Jsonl) })
            {
                using var peak = PeakMemory.Start();
                var cpu = Cpu();
                var sw = Stopwatch.StartNew();
                long count = 0;
                await foreach (var e in ImportReaders.ReadAsync(file, format, new ImportFieldMap(IdField: "id"), ImportReaderOptions.Default))
                    count += e.Record is null ? 0 : 1;
                Row(name, count, sw.Elapsed, peak.PeakBytes, Cpu() - cpu);
            }
            await WarmUpAsync(dir);
            foreach (var (name, file, format) in new[] { ("import CSV", csv, ImportFormat.Csv), ("import JSONL", jsonl, ImportFormat.Jsonl) })
            {
                var (store, projectId) = await NewProjectAsync(Path.Combine(dir, $"{format}.db"));
                // Pooled connections of earlier phases would keep their 64 MB page caches in this phase's peak.
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                using var peak = PeakMemory.Start();
                var cpu = Cpu();
                var sw = Stopwatch.StartNew();
                var report = await ImportAsync(store, projectId, file, format);
                Row(name, report.Imported, sw.Elapsed, peak.PeakBytes, Cpu() - cpu);
            }
            foreach (var format in new[] { ExportFormat.Jsonl, ExportFormat.Csv, ExportFormat.Parquet })
            {
                using var peak = PeakMemory.Start();
                var cpu = Cpu();
                var sw = Stopwatch.StartNew();
                var written = await ExportAsync(Path.Combine(dir, "Csv.db"), Path.Combine(dir, "out" + format.Extension()), format);
                Row($"export {format.ToWire()}", written, sw.Elapsed, peak.PeakBytes, Cpu() - cpu);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, true);
        }
    }

    private static void Row(string name, long rows, TimeSpan elapsed, long? peak, TimeSpan? cpu) =>
        Console.WriteLine($"| {name} | {rows:N0} | {elapsed.TotalSeconds:F2} | {rows / elapsed.TotalSeconds:N0} | " +
            $"{(cpu is { } c ? c.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "n/a")} | {(peak is { } p ? Measure.Mb(p) : "n/a (separate process)")} |");

    /// <summary>User plus system CPU time of this process (all threads), to tell work from waiting on a shared machine.</summary>
    private static TimeSpan Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    /// <summary>
    /// Runs both imports once on a small file first: the first EF Core use in a process (model building, migrations,
    /// JIT of the import path) costs seconds, which the first timed import would otherwise carry alone (it is why
    /// CSV, timed first, once looked slower than JSONL through the same write path).
    /// </summary>
    private static async Task WarmUpAsync(string dir)
    {
        var csv = Path.Combine(dir, "warm.csv");
        var jsonl = Path.Combine(dir, "warm.jsonl");
        Generate(csv, jsonl, 5_000);
        foreach (var (file, format) in new[] { (csv, ImportFormat.Csv), (jsonl, ImportFormat.Jsonl) })
        {
            var (store, projectId) = await NewProjectAsync(Path.Combine(dir, $"warm-{format}.db"));
            await ImportAsync(store, projectId, file, format);
        }
    }

    /// <summary>A migrated store with an empty project: set-up that a timed import row does not include.</summary>
    private static async Task<(LabelforgeStore Store, long ProjectId)> NewProjectAsync(string dbPath)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(dbPath);
        await using var db = store.CreateDb();
        var project = await new ProjectOperations(db, TimeProvider.System).CreateAsync(new NewProject("bench", Labels: ["a", "b"]));
        return (store, project.Id);
    }

    private static async Task<ImportReport> ImportAsync(LabelforgeStore store, long projectId, string file, ImportFormat format)
    {
        await using var db = store.CreateDb();
        var entries = ImportReaders.ReadAsync(file, format, new ImportFieldMap(IdField: "id"), ImportReaderOptions.Default);
        var report = await new ImportOperations(db, TimeProvider.System).ImportAsync(projectId, file, format, entries, new ImportOptions());
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

    /// <summary>Runs sqlite3 under /usr/bin/time (when present) to get its CPU seconds as well.</summary>
    private static (TimeSpan Elapsed, TimeSpan? Cpu) SqliteCliImport(string dir, string csv)
    {
        var timed = File.Exists("/usr/bin/time");
        var info = new ProcessStartInfo(timed ? "/usr/bin/time" : "sqlite3") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = timed };
        if (timed)
        {
            info.ArgumentList.Add("-f");
            info.ArgumentList.Add("cpu %U %S");
            info.ArgumentList.Add("sqlite3");
        }
        info.ArgumentList.Add(Path.Combine(dir, "floor.db"));
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(info)!;
        p.StandardInput.WriteLine("PRAGMA journal_mode=WAL;");
        p.StandardInput.WriteLine(".mode csv");
        p.StandardInput.WriteLine($".import '{csv}' t");
        p.StandardInput.Close();
        var stderr = timed ? p.StandardError.ReadToEnd() : "";
        p.WaitForExit();
        var elapsed = sw.Elapsed;
        var cpu = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal))?.Split(' ');
        return (elapsed, cpu is { Length: 3 }
            ? TimeSpan.FromSeconds(double.Parse(cpu[1], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(cpu[2], System.Globalization.CultureInfo.InvariantCulture))
            : null);
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
