using System.Diagnostics;
using System.Text;
using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Bench;

/// <summary>
/// Throughput of the import readers and export writers alone (no database) on 1,000,000 generated rows of
/// about 200 bytes, plus sqlite3's own CSV .import of the same file as a reference when sqlite3 is installed.
/// </summary>
internal static class FormatsBench
{
    private const int Rows = 1_000_000;

    /// <summary>Rows of the untimed warm-up pass, so the table shows steady-state code rather than JIT tiering.</summary>
    private const int WarmUpRows = 200_000;

    public static async Task RunAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "labelforge-bench-formats-" + Environment.ProcessId);
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "rows.csv");
            var jsonl = Path.Combine(folder, "rows.jsonl");
            await GenerateAsync(csv, jsonl, Rows);
            await WarmUpAsync(folder);
            Console.WriteLine($"{Rows:N0} rows; CSV {Measure.Mb(new FileInfo(csv).Length)}, JSONL {Measure.Mb(new FileInfo(jsonl).Length)}; after a {WarmUpRows:N0}-row warm-up of each step");
            Console.WriteLine();
            Console.WriteLine("| step | rows | wall time | CPU time | rows/s (wall) | rows/s (CPU) | MB/s (wall) | peak managed | peak working set |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            Read("read csv", csv, ImportFormat.Csv);
            Read("read jsonl", jsonl, ImportFormat.Jsonl);
            // Two rounds: the first 1M-row pass of a writer runs measurably slower than later ones, even after the warm-up.
            foreach (var round in new[] { 1, 2 })
            {
                foreach (var format in Enum.GetValues<ExportFormat>())
                    Write(format, Path.Combine(folder, "export" + format.Extension()), round);
            }
            SqliteImport(csv, Path.Combine(folder, "reference.db"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WarmUpAsync(string folder)
    {
        var csv = Path.Combine(folder, "warm.csv");
        var jsonl = Path.Combine(folder, "warm.jsonl");
        await GenerateAsync(csv, jsonl, WarmUpRows);
        var map = new ImportFieldMap("text", "id", "label");
        await CountAsync(ImportReaders.ReadAsync(csv, ImportFormat.Csv, map, ImportReaderOptions.Default));
        await CountAsync(ImportReaders.ReadAsync(jsonl, ImportFormat.Jsonl, map, ImportReaderOptions.Default));
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            await using var file = new FileStream(Path.Combine(folder, "warm" + format.Extension()), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.Asynchronous);
            await ExportWriters.WriteItemsAsync(file, format, Items(WarmUpRows), ExportOptions.Default);
        }
        // Tier-1 code is compiled on a background thread after a short delay; give it time to land.
        await Task.Delay(TimeSpan.FromSeconds(2));
    }

    private static void Read(string step, string path, ImportFormat format)
    {
        var map = new ImportFieldMap("text", "id", "label");
        var cpu = CpuTime();
        var run = Measure.Run(() => CountAsync(ImportReaders.ReadAsync(path, format, map, ImportReaderOptions.Default)).GetAwaiter().GetResult());
        cpu = CpuTime() - cpu;
        if (run.Result.Errors > 0)
            throw new InvalidOperationException($"{step}: {run.Result.Errors} unexpected errors");
        Row(step, run.Result.Records, run.Elapsed, cpu, new FileInfo(path).Length, run.PeakManagedBytes, run.PeakWorkingSetBytes);
    }

    private static async Task<(long Records, long Errors)> CountAsync(IAsyncEnumerable<ImportEntry> entries)
    {
        var (records, errors) = (0L, 0L);
        await foreach (var entry in entries)
        {
            if (entry.Record is not null)
                records++;
            else
                errors++;
        }
        return (records, errors);
    }

    private static void Write(ExportFormat format, string path, int round)
    {
        var cpu = CpuTime();
        var run = Measure.Run(() =>
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.Asynchronous);
            return ExportWriters.WriteItemsAsync(file, format, Items(Rows), ExportOptions.Default).GetAwaiter().GetResult();
        });
        cpu = CpuTime() - cpu;
        Row($"write {format.ToWire()} (round {round})", run.Result, run.Elapsed, cpu, new FileInfo(path).Length, run.PeakManagedBytes, run.PeakWorkingSetBytes);
    }

    /// <summary>sqlite3's .import of the same CSV into a file database: the reference rate for whole imports.</summary>
    private static void SqliteImport(string csv, string database)
    {
        var start = new ProcessStartInfo("sqlite3", [database, ".mode csv", $".import {csv} rows", "select count(*) from rows;"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("| sqlite3 .import (reference) | sqlite3 not installed | | | | | | | |");
            return;
        }
        using (process)
        {
            var sw = Stopwatch.StartNew();
            var output = process!.StandardOutput.ReadToEndAsync();
            var cpu = TimeSpan.Zero;
            while (!process.WaitForExit(10))
            {
                // Sampled while it runs: the CPU time of an exited process cannot be read on Linux.
                try
                {
                    cpu = process.TotalProcessorTime;
                }
                catch (InvalidOperationException)
                {
                    break;
                }
            }
            process.WaitForExit();
            sw.Stop();
            var rows = long.TryParse(output.GetAwaiter().GetResult().Trim(), out var count) ? count : 0;
            Row("sqlite3 .import (reference)", rows, sw.Elapsed, cpu, new FileInfo(csv).Length, 0, 0);
        }
    }

    /// <summary>
    /// One table row. Rates are per CPU second as well as per wall second: on a shared machine the wall clock
    /// counts time spent waiting for a core, CPU time does not (GC and I/O threads are included in it).
    /// </summary>
    private static void Row(string step, long rows, TimeSpan elapsed, TimeSpan cpu, long bytes, long managed, long workingSet)
    {
        var seconds = elapsed.TotalSeconds;
        var memory = managed == 0 ? "n/a" : Measure.Mb(managed);
        var working = workingSet == 0 ? "n/a" : Measure.Mb(workingSet);
        Console.WriteLine($"| {step} | {rows:N0} | {seconds:F2} s | {cpu.TotalSeconds:F2} s | {rows / seconds:N0} | {rows / cpu.TotalSeconds:N0} | {bytes / seconds / 1048576:F0} | {memory} | {working} |");
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>Export items cycling through a pool of generated texts; every row is a new object, like a database read.</summary>
    private static async IAsyncEnumerable<ExportItem> Items(int rows)
    {
        var texts = Texts(new Random(7)).Take(1000).ToArray();
        string[][] labels = [["spam"], ["ham"], ["spam", "ads"], []];
        for (var i = 0; i < rows; i++)
        {
            var text = texts[i % texts.Length];
            var chosen = labels[i % labels.Length];
            yield return new ExportItem(i + 1, "r" + i, text.Text, text.Json, chosen, [new ExportAuthorLabels("alice", "human", chosen, null)]);
        }
        await Task.CompletedTask;
    }

    private static async Task GenerateAsync(string csv, string jsonl, int rows)
    {
        var texts = Texts(new Random(42)).Take(5000).ToArray();
        await using var csvWriter = new StreamWriter(csv, false, new UTF8Encoding(false), 1 << 16);
        await using var jsonlWriter = new StreamWriter(jsonl, false, new UTF8Encoding(false), 1 << 16);
        await csvWriter.WriteAsync("id,text,label\n");
        for (var i = 0; i < rows; i++)
        {
            var text = texts[i % texts.Length];
            var label = i % 3 == 0 ? "spam" : "ham";
            await csvWriter.WriteAsync($"r{i},{text.Csv},{label}\n");
            await jsonlWriter.WriteAsync($"{{\"id\":\"r{i}\",\"text\":{text.JsonString},\"label\":\"{label}\"}}\n");
        }
    }

    /// <summary>Texts of about 180 characters; one in ten has a comma and quotes, so CSV needs quoting.</summary>
    private static IEnumerable<(string Text, string Csv, string JsonString, string Json)> Texts(Random random)
    {
        string[] words = ["check", "out", "my", "channel", "song", "love", "this", "video", "subscribe", "please", "great", "music", "best", "ever", "watch", "free"];
        for (var n = 0; ; n++)
        {
            var sb = new StringBuilder();
            while (sb.Length < 175)
                sb.Append(words[random.Next(words.Length)]).Append(' ');
            if (n % 10 == 0)
                sb.Append("and, \"quoted\"");
            var text = sb.ToString().TrimEnd();
            var jsonString = System.Text.Json.JsonSerializer.Serialize(text);
            var csvText = text.Contains('"', StringComparison.Ordinal) || text.Contains(',', StringComparison.Ordinal) ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
            yield return (text, csvText, jsonString, "{\"text\":" + jsonString + "}");
        }
    }
}
