using System.Diagnostics;
using System.Globalization;
using Labelforge.Cli.Consensus;
using Labelforge.Core.Consensus;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Engine.Consensus;
using Labelforge.Engine.Synthetic;
using Labelforge.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Bench;

/// <summary>
/// Consensus in the project store: 1,000,000 generated answers (200,000 items x 5 of 100 annotators, 2 classes) written
/// as human annotations, then `ConsensusOperations.RunAsync` end to end (the one streaming read of the latest label per
/// item and annotator, the method, the bulk write of 200,000 consensus annotations and the run's rows). References in the
/// same run: the file form on the same answers (`consensus --input`: CSV read + the method) and sqlite3 reading the same
/// query's rows to /dev/null.
/// </summary>
internal static class ProjectConsensusBench
{
    public static async Task RunAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lf-bench-consensus-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var crowd = SyntheticCrowd.Generate(new SyntheticCrowdOptions { ItemCount = 200_000, AnnotatorCount = 100, ClassCount = 2, AnswersPerItem = 5, Seed = 2026 });
            var answers = crowd.Answers;
            var dbPath = Path.Combine(dir, "bench.db");
            var store = await LabelforgeStore.OpenSqliteAsync(dbPath);
            await using var services = BenchServices.For(store);
            long projectId;
            await using (var scope = services.CreateAsyncScope())
            {
                projectId = (await scope.Get<ProjectOperations>().CreateAsync(new NewProject("crowd", Labels: ["c0", "c1"]))).Id;
                await scope.Get<ImportOperations>().ImportAsync(projectId, "gen", ImportFormat.Jsonl, Items(answers.ItemCount), new ImportOptions());
            }
            var csv = Path.Combine(dir, "answers.csv");
            await WriteAnswersAsync(dbPath, projectId, answers, csv);
            Console.WriteLine("| what | answers | wall time (best of 3) | CPU time |");
            Console.WriteLine("|---|---|---|---|");
            foreach (var method in new[] { "majority", "dawid-skene" })
            {
                await Best(method + ": project store, RunAsync (read, infer, write consensus annotations)", answers.Count, async () =>
                {
                    await using var scope = services.CreateAsyncScope();
                    await scope.Get<ConsensusOperations>().RunAsync(projectId, new ConsensusRequest(method));
                });
                await Best(method + ": file form (CSV read + method, `consensus --input`)", answers.Count, () =>
                {
                    var table = AnswersCsvReader.Read(csv, new CsvLayout());
                    ConsensusInference.Run(ConsensusMethods.ByName[method], table.Answers);
                    return Task.CompletedTask;
                });
            }
            await Best("sqlite3: the same streaming query to /dev/null (reference read)", answers.Count, () =>
            {
                using var p = Process.Start(new ProcessStartInfo("sqlite3", [dbPath, ProjectAnswers.Sql.Replace("@project", projectId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)])
                { RedirectStandardOutput = true, UseShellExecute = false })!;
                p.StandardOutput.BaseStream.CopyTo(Stream.Null);
                p.WaitForExit();
                return Task.CompletedTask;
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            // LF_BENCH_CONSENSUS_KEEP=PATH keeps the project store there, to run `labelforge consensus crowd --db PATH` by hand.
            if (Environment.GetEnvironmentVariable("LF_BENCH_CONSENSUS_KEEP") is { Length: > 0 } keep)
                File.Copy(Path.Combine(dir, "bench.db"), keep, overwrite: true);
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task Best(string what, int count, Func<Task> run)
    {
        var (best, cpu) = (TimeSpan.MaxValue, TimeSpan.Zero);
        for (var r = 0; r < 3; r++)
        {
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            await run();
            sw.Stop();
            if (sw.Elapsed < best)
                (best, cpu) = (sw.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu0);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {what} | {count:N0} | {best.TotalSeconds:F2} s | {cpu.TotalSeconds:F2} s |"));
    }

#pragma warning disable CS1998 // an async iterator over generated rows needs no await
    private static async IAsyncEnumerable<ImportEntry> Items(int count)
    {
        for (var i = 0; i < count; i++)
            yield return ImportEntry.Ok(new ImportRecord("gen", i + 1, $"i{i}", $"item {i}", $"{{\"text\":\"item {i}\"}}", []));
    }
#pragma warning restore CS1998

    /// <summary>The answers as human annotations (author a{N}) in one transaction, and as the file form's CSV.</summary>
    private static async Task WriteAnswersAsync(string dbPath, long projectId, CrowdAnswers answers, string csv)
    {
        await using var connection = new SqliteConnection($"Data Source={dbPath}");
        await connection.OpenAsync();
        var ids = new long[answers.ItemCount];
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM items WHERE ProjectId = $p ORDER BY Id";
            read.Parameters.AddWithValue("$p", projectId);
            await using var reader = await read.ExecuteReaderAsync();
            for (var i = 0; await reader.ReadAsync(); i++)
                ids[i] = reader.GetInt64(0);
        }
        var labels = new long[2];
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT Id FROM labels WHERE ProjectId = $p ORDER BY Id";
            read.Parameters.AddWithValue("$p", projectId);
            await using var reader = await read.ExecuteReaderAsync();
            for (var i = 0; await reader.ReadAsync(); i++)
                labels[i] = reader.GetInt64(0);
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO annotations (ProjectId, ItemId, Author, Kind, LabelIdsJson, TaxonomyVersion, CreatedAt) VALUES ($p, $i, $a, 'human', $l, 1, 0)";
        var (p, item, author, label) = (insert.Parameters.AddWithValue("$p", projectId), insert.Parameters.Add("$i", SqliteType.Integer),
            insert.Parameters.Add("$a", SqliteType.Text), insert.Parameters.Add("$l", SqliteType.Text));
        insert.Prepare();
        await using var file = new StreamWriter(csv);
        await file.WriteLineAsync("item,annotator,label");
        for (var a = 0; a < answers.Count; a++)
        {
            item.Value = ids[answers.Items[a]];
            author.Value = "a" + answers.Annotators[a].ToString(CultureInfo.InvariantCulture);
            label.Value = $"[{labels[answers.Labels[a]]}]";
            insert.ExecuteNonQuery();
            await file.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"i{answers.Items[a]},a{answers.Annotators[a]},c{answers.Labels[a]}"));
        }
        await tx.CommitAsync();
    }
}
