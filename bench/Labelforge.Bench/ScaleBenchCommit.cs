using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Labelforge.Bench;

/// <summary>
/// The disk's part of a write: one-row WAL commits with synchronous=FULL (what a submission and a skip wait for) and
/// NORMAL (a claim's), timed on a file beside the bench's databases, so the 20-annotator rows can be read against what
/// each commit in the single-writer queue costs on this machine.
/// </summary>
internal static class ScaleBenchCommit
{
    private const int Commits = 200;

    public static async Task<string> MeasureAsync(string dir)
    {
        var path = Path.Combine(dir, "commit-probe.db");
        BenchDatabase.Delete(path);
        await using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        await c.OpenAsync();
        await ExecAsync(c, "PRAGMA journal_mode=WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT);");
        var full = await TimeAsync(c, "FULL");
        var normal = await TimeAsync(c, "NORMAL");
        await c.CloseAsync();
        BenchDatabase.Delete(path);
        return $"one-row WAL commit on this disk: synchronous=FULL p50 {full.P50:F2} ms, p95 {full.P95:F2} ms; NORMAL p50 {normal.P50:F3} ms, p95 {normal.P95:F3} ms";
    }

    private static async Task<(double P50, double P95)> TimeAsync(SqliteConnection c, string mode)
    {
        await ExecAsync(c, $"PRAGMA synchronous={mode};");
        var ms = new double[Commits];
        for (var i = 0; i < Commits; i++)
        {
            var sw = Stopwatch.StartNew();
            await ExecAsync(c, "BEGIN IMMEDIATE; INSERT INTO t (v) VALUES ('x'); COMMIT;");
            ms[i] = sw.Elapsed.TotalMilliseconds;
        }
        Array.Sort(ms);
        return (ms[Commits / 2], ms[Commits * 95 / 100]);
    }

    private static async Task ExecAsync(SqliteConnection c, string sql)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}
