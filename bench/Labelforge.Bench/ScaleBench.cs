using System.Globalization;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Labelforge.Tests;
using Microsoft.Data.Sqlite;

namespace Labelforge.Bench;

/// <summary>
/// Request latencies against a real server (Kestrel on 127.0.0.1, HTTP) on projects of 10,000 and 1,000,000 items:
/// claims in every queue order, progress, the maintained counts (per label and per annotator), the project list, the
/// first items page, text search, submissions and 20 annotators at once, in one table with the ratio between the sizes (cost should not grow with the project). The
/// import's own speed is the store suite's (run it on the old and new code alternately).
/// Sizes: LF_BENCH_SCALE_SIZES (comma-separated); built projects are kept in LF_BENCH_CACHE (default a temp folder).
/// </summary>
internal static class ScaleBench
{
    private const int Claims = 100;
    private const int Gets = 30;
    private const int Annotators = 20;
    private const int CrowdRounds = 10;

    public static async Task RunAsync()
    {
        var sizes = (Environment.GetEnvironmentVariable("LF_BENCH_SCALE_SIZES") ?? "10000,1000000")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var cache = Environment.GetEnvironmentVariable("LF_BENCH_CACHE") ?? Path.Combine(Path.GetTempPath(), "lf-bench-scale");
        Directory.CreateDirectory(cache);
        var rows = new Dictionary<string, Dictionary<int, List<double>>>();
        var notes = new List<string>();
        foreach (var size in sizes)
        {
            var (built, import, index) = await ScaleBenchProject.EnsureAsync(cache, size);
            if (import is { } i)
                notes.Add($"built {size:N0} items: import {i.TotalSeconds:F1} s ({size / i.TotalSeconds:N0} items/s), text index {index!.Value.TotalSeconds:F1} s");
            var work = Path.Combine(cache, $"work-{size}.db");
            BenchDatabase.Delete(work);
            File.Copy(built, work);
            var results = await MeasureAsync(work, notes, size);
            foreach (var (name, ms) in results)
                (rows.TryGetValue(name, out var bySize) ? bySize : rows[name] = [])[size] = ms;
            SqliteConnection.ClearAllPools();
            File.Delete(work);
        }
        notes.Add(await ScaleBenchCommit.MeasureAsync(cache));
        Print(rows, sizes);
        foreach (var note in notes)
            Console.WriteLine($"- {note}");
    }

    private static async Task<List<(string Name, List<double> Ms)>> MeasureAsync(string db, List<string> notes, int size)
    {
        await using var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = db, Port = 0 });
        using var http = await TestAccounts.ClientAsync(server, "admin");
        var load = new ScaleBenchLoad(server, http, 1);
        await load.ClaimAndLabelAsync("import-order", 5); // JIT and connection pool warm-up, not measured
        await load.GetAsync("/api/projects/1/items?search=quality", 3);
        var results = new List<(string, List<double>)>();
        var submits = new List<double>();
        foreach (var strategy in ScaleBenchLoad.Strategies)
        {
            var (next, submit) = await load.ClaimAndLabelAsync(strategy, Claims);
            results.Add(($"`POST /queue/next` (count 1), {strategy}", next));
            submits.AddRange(submit);
        }
        results.Add(("`POST /annotations`", submits));
        results.Add(("`GET /queue/progress`", await load.GetAsync("/api/projects/1/queue/progress", Gets, annotator: "bench-2")));
        results.Add(("`GET /counts` (per label, per annotator)", await load.GetAsync("/api/projects/1/counts", Gets)));
        results.Add(("`GET /projects`", await load.GetAsync("/api/projects", Gets)));
        results.Add(("`GET /items` page 1", await load.GetAsync("/api/projects/1/items", Gets)));
        results.Add(("`GET /items?search=abc` page 1 (no match)", await load.GetAsync("/api/projects/1/items?search=abc", Gets)));
        results.Add(("`GET /items?search=quality` page 1 (most items)", await load.GetAsync("/api/projects/1/items?search=quality", Gets)));
        results.Add(("`GET /items?search=item 4242` page 1", await load.GetAsync("/api/projects/1/items?search=item%204242", Gets)));
        foreach (var strategy in new[] { "import-order", "seeded-random" })
        {
            var (next, doubles) = await load.ConcurrentAsync(strategy, Annotators, CrowdRounds);
            results.Add(($"{Annotators} annotators at once: `POST /queue/next`, {strategy}", next));
            notes.Add($"{size:N0} items, {Annotators} annotators, {strategy}: {next.Count} claims, {doubles} items leased twice");
        }
        return results;
    }

    private static void Print(Dictionary<string, Dictionary<int, List<double>>> rows, int[] sizes)
    {
        Console.WriteLine("| request | " + string.Join(" | ", sizes.Select(s => $"{s:N0} p50 | {s:N0} p95")) + " | p95 ratio |");
        Console.WriteLine("|---|" + string.Concat(sizes.Select(_ => "---:|---:|")) + "---:|");
        foreach (var (name, bySize) in rows)
        {
            var p95 = sizes.Select(s => bySize.TryGetValue(s, out var ms) ? Percentile(ms, 0.95) : double.NaN).ToArray();
            var cells = sizes.Select(s => bySize.TryGetValue(s, out var ms) ? $"{Percentile(ms, 0.5):F1} | {Percentile(ms, 0.95):F1}" : "n/a | n/a");
            var ratio = p95.Length > 1 ? (p95[^1] / p95[0]).ToString("F2", CultureInfo.InvariantCulture) : "";
            Console.WriteLine($"| {name} | {string.Join(" | ", cells)} | {ratio} |");
        }
    }

    private static double Percentile(List<double> ms, double q)
    {
        var sorted = ms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
