using System.Diagnostics;
using System.Text.Json;
using Labelforge.Cli.Input;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Projects;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Settings;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Server.Features.Queues;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Labelforge.Bench;

/// <summary>
/// The server's active-learning retrain on a project with 10,000 labeled and 100,000 unlabeled items (SMS Spam texts,
/// each repeated with a numbered suffix so every item is distinct): the first retrain, which featurizes every item,
/// a retrain with the features cached (what the background loop does every N labels), and the claim a retrain must
/// not slow down, with the active-learning order against seeded random.
/// </summary>
internal static class ActiveLearningQueueBench
{
    private const int Labeled = 10_000;
    private const int Pool = 100_000;

    public static async Task RunAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lf-bench-alq-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var store = await LabelforgeStore.OpenSqliteAsync(Path.Combine(dir, "alq.db"));
            var projectId = await ImportAsync(store);
            await using var services = BenchServices.For(store);
            var coordinator = new QueueRetrainCoordinator(services.GetRequiredService<IServiceScopeFactory>(), new QueueLabelCounts(), NullLogger<QueueRetrainCoordinator>.Instance);
            Console.WriteLine("| workload | strategy | labeled | pool | ranked | wall time (median of runs) | fastest | peak managed | peak working set |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
            await RetrainAsync(store, coordinator, projectId, ActiveLearningQueueStrategy.Margin, "first retrain (featurize all items) + rescore + save", runs: 1);
            foreach (var strategy in new[] { ActiveLearningQueueStrategy.Margin, ActiveLearningQueueStrategy.Entropy, ActiveLearningQueueStrategy.UncertaintyDiversity })
                await RetrainAsync(store, coordinator, projectId, strategy, "retrain (features cached) + rescore + save", runs: 3);
            Console.WriteLine();
            await ClaimsAsync(store, projectId);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<long> ImportAsync(LabelforgeStore store)
    {
        var sms = BenchData.SmsSpam();
        await using var services = BenchServices.For(store);
        await using var scope = services.CreateAsyncScope();
        var project = await scope.Get<ProjectOperations>().CreateAsync(new NewProject("al-queue", Labels: sms.ClassNames));
        var clock = Stopwatch.StartNew();
        var report = await scope.Get<ImportOperations>().ImportAsync(project.Id, "generated", ImportFormat.Jsonl, Entries(sms), new ImportOptions());
        await Console.Out.WriteLineAsync($"Imported {report.Imported:N0} items ({Labeled:N0} with labels) in {clock.Elapsed.TotalSeconds:F1} s.");
        await Console.Out.WriteLineAsync();
        return project.Id;
    }

#pragma warning disable CS1998 // an async iterator over generated rows needs no await
    private static async IAsyncEnumerable<ImportEntry> Entries(LabeledText sms)
    {
        for (var i = 0; i < Labeled + Pool; i++)
        {
            var k = i % sms.Texts.Length;
            var text = $"{sms.Texts[k]} [{i}]"; // the number makes repeated texts distinct items
            IReadOnlyList<ImportedAnnotation> labels = i < Labeled ? [new ImportedAnnotation(null, AnnotationKind.Import, [sms.ClassNames[sms.Labels[k]]])] : [];
            yield return ImportEntry.Ok(new ImportRecord("generated", i + 1, $"m{i}", text, JsonSerializer.Serialize(new { text }), labels));
        }
    }
#pragma warning restore CS1998

    private static async Task RetrainAsync(LabelforgeStore store, QueueRetrainCoordinator coordinator, long projectId, string strategy, string workload, int runs)
    {
        await using (var services = BenchServices.For(store))
        await using (var scope = services.CreateAsyncScope())
            await scope.Get<QueueSettingsOperations>().SetAsync(projectId, new QueueSettingsUpdate(strategy), CancellationToken.None);
        var all = Enumerable.Range(0, runs)
            .Select(_ => Measure.Run(() => coordinator.RetrainAsync(projectId, CancellationToken.None).GetAwaiter().GetResult()!))
            .OrderBy(m => m.Elapsed).ToList();
        var (median, r) = (all[all.Count / 2], all[0].Result);
        Console.WriteLine($"| {workload} | {strategy} | {r.LabeledItems:N0} | {r.PoolItems:N0} | {r.RankedItems:N0} | {median.Elapsed.TotalSeconds:F2} s ({runs}) | " +
            $"{all[0].Elapsed.TotalSeconds:F2} s | {Measure.Mb(all.Max(m => m.PeakManagedBytes))} | {Measure.Mb(median.PeakWorkingSetBytes)} |");
    }

    private static async Task ClaimsAsync(LabelforgeStore store, long projectId)
    {
        Console.WriteLine("| claim of 5 items (pool 100,000) | median of 15 | max of 15 |");
        Console.WriteLine("|---|---|---|");
        foreach (var strategy in new[] { SeededRandomStrategy.WireName, ActiveLearningQueueStrategy.UncertaintyDiversity })
        {
            var times = new List<double>();
            await using var services = BenchServices.For(store);
            await using var scope = services.CreateAsyncScope();
            var queue = scope.Get<QueueOperations>();
            for (var i = 0; i < 15; i++)
            {
                var clock = Stopwatch.StartNew();
                var items = await queue.NextAsync(projectId, new QueueRequest("bench", 5, strategy));
                times.Add(clock.Elapsed.TotalMilliseconds);
                await queue.ReleaseAsync(projectId, "bench", [.. items.Select(x => x.Id)]);
            }
            times.Sort();
            Console.WriteLine($"| {strategy} | {times[times.Count / 2]:F1} ms | {times[^1]:F1} ms |");
        }
    }
}
