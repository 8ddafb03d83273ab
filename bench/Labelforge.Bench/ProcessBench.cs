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

    public static Task RunAsync() => Run(withStore: true);

    /// <summary>The two file commands alone (lf apply, label-errors): `scripts/bench process-files`.</summary>
    public static Task RunFilesAsync() => Run(withStore: false);

    private static Task Run(bool withStore)
    {
        var rows = int.TryParse(Environment.GetEnvironmentVariable("LF_BENCH_ROWS"), out var n) ? n : 1_000_000;
        // LF_BENCH_INPUTS keeps the generated inputs in that folder (and reuses them), to time the CLI by hand as well.
        var keep = Environment.GetEnvironmentVariable("LF_BENCH_INPUTS") is { Length: > 0 } kept ? kept : null;
        var dir = keep ?? Path.Combine(Path.GetTempPath(), "lf-bench-process-" + Environment.ProcessId);
        Directory.CreateDirectory(dir);
        try
        {
            Console.WriteLine($"Load average at start: {LoadAverage()}; each file command runs {Repeats} times, medians shown.");
            Console.WriteLine("| command (new process) | size | seconds | CPU seconds | peak RSS | reference | reference seconds (CPU) | rate vs reference |");
            Console.WriteLine("|---|---|---:|---:|---:|---|---:|---:|");
            if (withStore)
                BenchDatabase.Delete(ImportAndExport(dir, rows));
            LabelingFunctionApply(dir);
            LabelErrors(dir);
            Console.WriteLine($"Load average at end: {LoadAverage()}");
        }
        finally
        {
            if (keep is null)
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
        // Pairs alternate (reference, then ours, each on a new database) and medians are shown: one run of a whole
        // import on this VM varies by half. `sync` first, so neither command pays for the other's writeback.
        var db = Path.Combine(dir, "cli.db");
        var floors = new List<(TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes)>();
        var imports = new List<(TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes)>();
        for (var i = 0; i < StoreRepeats; i++)
        {
            BenchDatabase.Delete(Path.Combine(dir, "floor.db"));
            BenchDatabase.Delete(db);
            Settle();
            floors.Add(StoreBench.Timed("sqlite3", [Path.Combine(dir, "floor.db")], $"PRAGMA journal_mode=WAL;\n.mode csv\n.import '{csv}' t\n"));
            StoreBench.Timed("dotnet", [Cli, "project", "create", "bench", "--type", "text-classification", "--labels", "a,b", "--db", db], null);
            Settle();
            imports.Add(StoreBench.Timed("dotnet", [Cli, "import", "bench", csv, "--id-field", "id", "--db", db, "--json"], null));
        }
        var floor = MedianRun(floors);
        Row("labelforge import CSV" + (StoreRepeats > 1 ? $" (median of {StoreRepeats})" : ""), size, MedianRun(imports),
            "sqlite3 .import (plain table)", floor.Elapsed, floor.Cpu);

        // sqlite3's own JSON output of the same stored rows (id, external id, text, stored document), to a file.
        var jsons = new List<(TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes)>();
        var exports = new List<(TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes)>();
        for (var i = 0; i < StoreRepeats; i++)
        {
            Settle();
            jsons.Add(StoreBench.Timed("sqlite3", [db],
                $".mode json\n.output '{Path.Combine(dir, "sqlite3.json")}'\nSELECT Id, ExternalId, Text, DataJson FROM items ORDER BY Id;\n"));
            Settle();
            exports.Add(StoreBench.Timed("dotnet", [Cli, "export", "bench", "--format", "jsonl", "--output", Path.Combine(dir, "out.jsonl"), "--db", db, "--json"], null));
        }
        var json = MedianRun(jsons);
        Row("labelforge export --format jsonl" + (StoreRepeats > 1 ? $" (median of {StoreRepeats})" : ""), size, MedianRun(exports),
            "sqlite3 .mode json", json.Elapsed, json.Cpu);
        BenchDatabase.Delete(Path.Combine(dir, "floor.db"));
        return db;
    }

    /// <summary>Import and export pairs per run: LF_BENCH_STORE_REPEAT, default 3.</summary>
    private static int StoreRepeats => int.TryParse(Environment.GetEnvironmentVariable("LF_BENCH_STORE_REPEAT"), out var n) && n > 0 ? n : 3;

    /// <summary>The run with the median wall time (its CPU and peak memory are that run's).</summary>
    private static (TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes) MedianRun(List<(TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes)> runs) =>
        runs.OrderBy(r => r.Elapsed).ElementAt(runs.Count / 2);

    /// <summary>Flushes dirty pages (the generated file, the last database) so the next timed command does not pay for them.</summary>
    private static void Settle()
    {
        using var sync = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }

    private static void LabelingFunctionApply(string dir)
    {
        var (docs, lfs) = (Path.Combine(dir, "docs.csv"), Path.Combine(dir, "lfs.yaml"));
        if (!File.Exists(docs) || !File.Exists(lfs))
            WeakSupervisionBench.WriteDocuments(docs, lfs, seed: 11);
        var runs = Repeated([Cli, "lf", "apply", "--lfs", lfs, "--input", docs, "--output", Path.Combine(dir, "matrix.csv"), "--json"],
            json => (json.GetProperty("seconds").GetDouble(), json.GetProperty("apply_seconds").GetDouble(), json.GetProperty("items").GetInt32()));
        var (wall, cpu, peak) = (Median(runs, r => r.Run.Elapsed.TotalSeconds), Median(runs, r => r.Run.Cpu?.TotalSeconds ?? double.NaN), runs.Max(r => r.Run.PeakBytes ?? 0));
        var (seconds, apply) = (Median(runs, r => r.Summary.Item1), Median(runs, r => r.Summary.Item2));
        Row("labelforge lf apply --input docs.csv, 10 keyword LFs", $"{runs[0].Summary.Item3:N0} docs", (TimeSpan.FromSeconds(wall), TimeSpan.FromSeconds(cpu), peak),
            "Snorkel PandasLFApplier.apply (" + Cited + ")", TimeSpan.FromSeconds(4));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ... its `seconds` (read + apply + write) / `apply_seconds` (functions alone) | | {seconds:F3} / {apply:F4} | | | Snorkel (cited) | 4 to 8 | {4 / apply:F0}x to {8 / apply:F0}x (apply alone) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Targets (issue 11 part 4): whole process at least 10x Snorkel's 4 s = at most 0.40 s: {wall:F2} s wall, {Verdict(wall <= 0.4)}; " +
            $"apply alone at least 100x = at most 0.040 s: {apply:F4} s, {Verdict(apply <= 0.04)}."));
    }

    private static void LabelErrors(string dir)
    {
        var (labels, probs) = (Path.Combine(dir, "labels.csv"), Path.Combine(dir, "probs.csv"));
        if (!File.Exists(labels) || !File.Exists(probs))
        {
            var (given, probabilities) = SyntheticProbabilities.Make(100_000, 10, 0.1, seed: 1);
            WriteLabelErrorsInput(labels, probs, given, probabilities);
        }
        var runs = Repeated([Cli, "label-errors", "--labels", labels, "--probs", probs, "--json"],
            json => (json.GetProperty("seconds").GetDouble(), json.GetProperty("detect_seconds").GetDouble(),
                json.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()).ToArray()));
        var (wall, cpu, peak) = (Median(runs, r => r.Run.Elapsed.TotalSeconds), Median(runs, r => r.Run.Cpu?.TotalSeconds ?? double.NaN), runs.Max(r => r.Run.PeakBytes ?? 0));
        var (seconds, detect) = (Median(runs, r => r.Summary.Item1), Median(runs, r => r.Summary.Item2));
        var flagged = runs[0].Summary.Item3;
        // The same set as the engine in this process on the numbers as the files hold them, in every run.
        var expected = LabelErrorDetector.Find(Labelforge.Cli.Input.NumericTableReader.ReadLabels(labels),
            Labelforge.Cli.Input.NumericTableReader.ReadProbabilities(probs)).Indices;
        var same = runs.All(r => r.Summary.Item3.SequenceEqual(expected));
        Row("labelforge label-errors --labels --probs", "100,000 x 10", (TimeSpan.FromSeconds(wall), TimeSpan.FromSeconds(cpu), peak),
            "cleanlab find_label_issues (" + Cited + ")", TimeSpan.FromSeconds(0.23));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| ... its `seconds` (read + detect) / `detect_seconds` (detection alone, as cleanlab's call), {flagged.Length:N0} flagged, same set as in-process: {same} | | {seconds:F4} / {detect:F4} | | | cleanlab (cited) | 0.23 | {0.23 / detect:F1}x (detection alone) |"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Target (issue 11 part 4): detection at least 10x cleanlab's 0.23 s = at most 0.023 s, same flagged set: {detect:F4} s, {Verdict(detect <= 0.023 && same)}."));
    }

    /// <summary>
    /// Runs the CLI <see cref="Repeats"/> times (one run first that is not counted: it fills the OS file cache), reading each
    /// run's --json summary with <paramref name="read"/>.
    /// </summary>
    private static List<((TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes) Run, T Summary)> Repeated<T>(string[] arguments, Func<JsonElement, T> read)
    {
        StoreBench.TimedOutput("dotnet", arguments, null);
        var runs = new List<((TimeSpan Elapsed, TimeSpan? Cpu, long? PeakBytes) Run, T Summary)>();
        for (var r = 0; r < Repeats; r++)
        {
            var run = StoreBench.TimedOutput("dotnet", arguments, null);
            using var summary = JsonDocument.Parse(run.Stdout);
            runs.Add(((run.Elapsed, run.Cpu, run.PeakBytes), read(summary.RootElement)));
        }
        return runs;
    }

    /// <summary>Runs per file command: LF_BENCH_REPEAT, default 9 (a new process takes well under a second).</summary>
    private static int Repeats => int.TryParse(Environment.GetEnvironmentVariable("LF_BENCH_REPEAT"), out var n) && n > 0 ? n : 9;

    private static double Median<T>(List<T> runs, Func<T, double> value)
    {
        var sorted = runs.Select(value).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Verdict(bool met) => met ? "met" : "not met";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

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
