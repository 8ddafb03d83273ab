using System.Diagnostics;
using System.Globalization;
using System.Text;
using Labelforge.Core.Export;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

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
            var (floor, floorCpu, floorPeak) = SqliteCliImport(dir, csv, "floor.db", null);
            Row("sqlite3 .import CSV (plain table, floor)", rows, floor, floorPeak, floorCpu);
            // The store creates databases with 16 KB pages; the same floor with that page size, for comparison.
            var (floor16, floor16Cpu, floor16Peak) = SqliteCliImport(dir, csv, "floor16.db", 16384);
            Row("sqlite3 .import CSV (plain table, 16 KB pages)", rows, floor16, floor16Peak, floor16Cpu);
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
            foreach (var (name, file) in new[] { ("labelforge import CSV (new CLI process)", csv), ("labelforge import JSONL (new CLI process)", jsonl) })
            {
                var (elapsed, cpu, peak) = CliImport(dir, file);
                Row(name, rows, elapsed, peak, cpu);
                File.Delete(Path.Combine(dir, "cli.db"));
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
            $"{(cpu is { } c ? c.TotalSeconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "n/a")} | {(peak is { } p ? Measure.Mb(p) : "n/a")} |");

    /// <summary>User plus system CPU time of this process (all threads), to tell work from waiting on a shared machine.</summary>
    private static TimeSpan Cpu()
    {
        using var p = Process.GetCurrentProcess();
        return p.TotalProcessorTime;
    }

    /// <summary>
    /// Runs both imports once on 200,000 rows first: the first EF Core use in a process (model building, migrations,
    /// JIT of the import path) costs seconds, which the first timed import would otherwise carry alone (it is why
    /// CSV, timed first, once looked slower than JSONL through the same write path), and with 5,000 rows the JIT was
    /// still recompiling the hot loop (tier 1) on the second core during the timed imports. The timed rows are a warm
    /// process, as in the server; docs/benchmarks.md gives a fresh CLI process's time beside them.
    /// </summary>
    private static async Task WarmUpAsync(string dir)
    {
        var csv = Path.Combine(dir, "warm.csv");
        var jsonl = Path.Combine(dir, "warm.jsonl");
        Generate(csv, jsonl, 200_000);
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
        await using var services = BenchServices.For(store);
        await using var scope = services.CreateAsyncScope();
        var project = await scope.Get<ProjectOperations>().CreateAsync(new NewProject("bench", Labels: ["a", "b"]));
        return (store, project.Id);
    }

    private static async Task<ImportReport> ImportAsync(LabelforgeStore store, long projectId, string file, ImportFormat format)
    {
        await using var services = BenchServices.For(store);
        await using var scope = services.CreateAsyncScope();
        var entries = ImportReaders.ReadAsync(file, format, new ImportFieldMap(IdField: "id"), ImportReaderOptions.Default);
        var report = await scope.Get<ImportOperations>().ImportAsync(projectId, file, format, entries, new ImportOptions());
        if (report.ErrorCount > 0)
            throw new InvalidOperationException($"bench import had {report.ErrorCount} errors, first: {report.Errors[0]}");
        return report;
    }

    private static async Task<long> ExportAsync(string dbPath, string output, ExportFormat format)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(dbPath);
        await using var services = BenchServices.For(store);
        await using var scope = services.CreateAsyncScope();
        await using var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return await scope.Get<ExportOperations>().WriteAsync(new ExportRequest(1, format, false), file);
    }

    /// <summary>sqlite3's own .import of <paramref name="csv"/> into a new plain table (WAL, as the store).</summary>
    private static (TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes) SqliteCliImport(string dir, string csv, string dbName, int? pageSize)
    {
        var script = new StringBuilder();
        if (pageSize is { } size)
            script.AppendLine(CultureInfo.InvariantCulture, $"PRAGMA page_size={size};");
        script.AppendLine("PRAGMA journal_mode=WAL;").AppendLine(".mode csv").AppendLine(CultureInfo.InvariantCulture, $".import '{csv}' t");
        return Timed("sqlite3", [Path.Combine(dir, dbName)], script.ToString());
    }

    /// <summary>
    /// `labelforge import` as a user runs it: a new process, so start-up, migrations check and JIT are inside the time,
    /// and the peak is that process's own resident set, free of what earlier bench phases left in this one.
    /// </summary>
    private static (TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes) CliImport(string dir, string file)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "labelforge.dll");
        var db = Path.Combine(dir, "cli.db");
        Timed("dotnet", [cli, "project", "create", "bench", "--type", "text-classification", "--labels", "a,b", "--db", db], null);
        return Timed("dotnet", [cli, "import", "bench", file, "--id-field", "id", "--db", db, "--json"], null);
    }

    /// <summary>Runs a command under /usr/bin/time (when present) for its CPU seconds and peak resident set as well.</summary>
    internal static (TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes) Timed(string program, string[] arguments, string? stdin)
    {
        var (elapsed, cpu, peak, _) = TimedOutput(program, arguments, stdin);
        return (elapsed, cpu, peak);
    }

    /// <summary><see cref="Timed"/>, also returning what the command wrote on stdout (its --json summary).</summary>
    internal static (TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes, string Stdout) TimedOutput(string program, string[] arguments, string? stdin)
    {
        var timed = File.Exists("/usr/bin/time");
        var info = new ProcessStartInfo(timed ? "/usr/bin/time" : program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (timed)
        {
            info.ArgumentList.Add("-f");
            info.ArgumentList.Add("cpu %U %S %M");
            info.ArgumentList.Add(program);
        }
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        var sw = Stopwatch.StartNew();
        using var p = Process.Start(info)!;
        if (stdin is not null)
            p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        var elapsed = sw.Elapsed;
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({p.ExitCode}): {stderr}");
        var output = stdout.Result;
        var fields = stderr.Split('\n').LastOrDefault(l => l.StartsWith("cpu ", StringComparison.Ordinal))?.Split(' ');
        if (fields is not { Length: 4 })
            return (elapsed, null, null, output);
        var cpu = double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture);
        return (elapsed, TimeSpan.FromSeconds(cpu), long.Parse(fields[3], CultureInfo.InvariantCulture) * 1024, output);
    }

    /// <summary>Writes the same seeded items as CSV and JSONL: an id, a ~200-byte text and a category field.</summary>
    internal static void Generate(string csvPath, string jsonlPath, int rows)
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
