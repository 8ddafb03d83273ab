using System.Globalization;
using System.Text;
using System.Text.Json;
using Labelforge.Engine.LabelErrors;

namespace Labelforge.Bench;

/// <summary>
/// Commands as users run them: each a new `labelforge` process (start-up, migrations check, JIT included), beside
/// its reference measured in the same run where one runs here (sqlite3's `.import` and `.mode json`). Snorkel and
/// cleanlab cannot be installed on this machine (no PyPI), so their figures are the ones measured on this kind of
/// machine and cited in docs/benchmarks.md. LF_BENCH_ROWS changes the import/export row count (default 1,000,000);
/// LF_BENCH_CLI runs another build of the CLI (its labelforge.dll).
/// </summary>
internal static class ProcessBench
{
    private const string Cited = "cited";

    public static Task RunAsync()
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("LF_BENCH_ROWS"), out var n) ? n : 1_000_000;
        var dir = Path.Combine(Path.GetTempPath(), "lf-bench-process-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            Console.WriteLine("| command (new process) | size | seconds | CPU seconds | peak RSS | reference | reference seconds (CPU) | rate vs reference |");
            Console.WriteLine("|---|---|---:|---:|---:|---|---:|---:|");
            var db = ImportAndExport(dir, rows);
            File.Delete(db);
            LabelingFunctionApply(dir);
            LabelErrors(dir);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
        return Task.CompletedTask;
    }

    private static string ImportAndExport(string dir, int rows)
    {
        var csv = Path.Combine(dir, "items.csv");
        StoreBench.Generate(csv, Path.Combine(dir, "items.jsonl"), rows);
        File.Delete(Path.Combine(dir, "items.jsonl"));
        var size = $"{rows:N0} rows";
        var floor = StoreBench.Timed("sqlite3", [Path.Combine(dir, "floor.db")], $"PRAGMA journal_mode=WAL;\n.mode csv\n.import '{csv}' t\n");
        var db = Path.Combine(dir, "cli.db");
        StoreBench.Timed("dotnet", [Cli, "project", "create", "bench", "--type", "text-classification", "--labels", "a,b", "--db", db], null);
        var import = StoreBench.Timed("dotnet", [Cli, "import", "bench", csv, "--id-field", "id", "--db", db, "--json"], null);
        Row("labelforge import CSV", size, import, "sqlite3 .import (plain table)", floor.Elapsed, floor.Cpu);

        // sqlite3's own JSON output of the same stored rows (id, external id, text, stored document), to a file.
        var json = StoreBench.Timed("sqlite3", [db],
            $".mode json\n.output '{Path.Combine(dir, "sqlite3.json")}'\nSELECT Id, ExternalId, Text, DataJson FROM items ORDER BY Id;\n");
        var export = StoreBench.Timed("dotnet", [Cli, "export", "bench", "--format", "jsonl", "--output", Path.Combine(dir, "out.jsonl"), "--db", db, "--json"], null);
        Row("labelforge export --format jsonl", size, export, "sqlite3 .mode json", json.Elapsed, json.Cpu);
        File.Delete(Path.Combine(dir, "floor.db"));
        return db;
    }

    private static void LabelingFunctionApply(string dir)
    {
        var (docs, lfs) = (Path.Combine(dir, "docs.csv"), Path.Combine(dir, "lfs.yaml"));
        var count = WeakSupervisionBench.WriteDocuments(docs, lfs, seed: 11);
        var run = StoreBench.TimedOutput("dotnet", [Cli, "lf", "apply", "--lfs", lfs, "--input", docs, "--output", Path.Combine(dir, "matrix.csv"), "--json"], null);
        using var summary = JsonDocument.Parse(run.Stdout);
        var seconds = summary.RootElement.GetProperty("seconds").GetDouble();
        var apply = summary.RootElement.GetProperty("apply_seconds").GetDouble();
        Row("labelforge lf apply --input docs.csv, 10 keyword LFs", $"{count:N0} docs", (run.Elapsed, run.Cpu, run.PeakBytes),
            "Snorkel PandasLFApplier.apply (" + Cited + ")", TimeSpan.FromSeconds(4));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ... its `seconds` (read + apply + write) / `apply_seconds` (functions alone) | | {seconds:F3} / {apply:F4} | | | Snorkel (cited) | 4 to 8 | {4 / apply:F0}x to {8 / apply:F0}x (apply alone) |"));
    }

    private static void LabelErrors(string dir)
    {
        var (given, probabilities) = SyntheticProbabilities.Make(100_000, 10, 0.1, seed: 1);
        var (labels, probs) = (Path.Combine(dir, "labels.csv"), Path.Combine(dir, "probs.csv"));
        WriteLabelErrorsInput(labels, probs, given, probabilities);
        var run = StoreBench.TimedOutput("dotnet", [Cli, "label-errors", "--labels", labels, "--probs", probs, "--json"], null);
        using var summary = JsonDocument.Parse(run.Stdout);
        var seconds = summary.RootElement.GetProperty("seconds").GetDouble();
        var detect = summary.RootElement.GetProperty("detect_seconds").GetDouble();
        var flagged = summary.RootElement.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        // The same set as the engine in this process on the numbers as the files hold them.
        var reread = Labelforge.Cli.Input.NumericTableReader.ReadProbabilities(probs);
        var same = LabelErrorDetector.Find(given, reread).Indices.SequenceEqual(flagged);
        Row("labelforge label-errors --labels --probs", "100,000 x 10", (run.Elapsed, run.Cpu, run.PeakBytes), "cleanlab find_label_issues (" + Cited + ")", TimeSpan.FromSeconds(0.23));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ... its `seconds` (read + detect) / `detect_seconds` (detection alone, as cleanlab's call), {flagged.Length:N0} flagged, same set as in-process: {same} | | {seconds:F4} / {detect:F4} | | | cleanlab (cited) | 0.23 | {0.23 / detect:F1}x (detection alone) |"));
    }

    private static void WriteLabelErrorsInput(string labels, string probs, int[] given, Labelforge.Engine.ProbabilityMatrix probabilities)
    {
        using (var writer = new StreamWriter(labels, false, new UTF8Encoding(false)))
        {
            writer.WriteLine("label");
            foreach (var g in given)
                writer.WriteLine(g.ToString(CultureInfo.InvariantCulture));
        }
        using var p = new StreamWriter(probs, false, new UTF8Encoding(false), 1 << 16);
        var k = probabilities.ClassCount;
        p.WriteLine(string.Join(',', Enumerable.Range(0, k).Select(j => "p" + j.ToString(CultureInfo.InvariantCulture))));
        for (var i = 0; i < probabilities.RowCount; i++)
            p.WriteLine(string.Join(',', Enumerable.Range(0, k).Select(j => probabilities[i, j].ToString("R", CultureInfo.InvariantCulture))));
    }

    /// <summary>The CLI the bench runs: the build beside it, or LF_BENCH_CLI (another build's labelforge.dll, e.g. a published one).</summary>
    private static string Cli => Environment.GetEnvironmentVariable("LF_BENCH_CLI") is { Length: > 0 } other ? other : Path.Combine(AppContext.BaseDirectory, "labelforge.dll");

    /// <summary>A row; the rate is the reference's time over ours (1x = as fast), of wall time and, when both are known, of CPU time.</summary>
    private static void Row(string name, string size, (TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes) run, string reference, TimeSpan referenceTime,
        TimeSpan? referenceCpu = null) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {size} | {run.Elapsed.TotalSeconds:F2} | {(run.Cpu is { } c ? c.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "n/a")} | " +
            $"{(run.PeakBytes is { } p ? Measure.Mb(p) : "n/a")} | {reference} | {referenceTime.TotalSeconds:F2}{(referenceCpu is { } rc ? $" ({rc.TotalSeconds:F2})" : "")} | " +
            $"{referenceTime / run.Elapsed:F2}x{(referenceCpu is { } r && run.Cpu is { } o ? $" (CPU {r / o:F2}x)" : "")} |"));
}
