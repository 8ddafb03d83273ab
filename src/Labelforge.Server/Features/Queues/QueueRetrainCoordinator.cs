using System.Collections.Concurrent;
using Labelforge.Core.Erasure;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Model;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Storage;
using Labelforge.Training.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Queues;

/// <summary>
/// Runs active-learning retrains for the server: at most one per project at a time (a second request while one runs
/// is skipped, not queued), each on its own database context, with the project's featurized items kept in memory
/// between retrains. Claims never wait for it: they read the stored ranking, which a retrain replaces only at its end.
/// An erasure takes its items out of the kept features (<see cref="Forget"/>).
/// </summary>
public sealed partial class QueueRetrainCoordinator(IServiceScopeFactory scopes, QueueLabelCounts labelCounts,
    ILogger<QueueRetrainCoordinator> logger) : IErasedItemCache
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _running = new();
    private readonly ConcurrentDictionary<long, QueueFeatureCache> _caches = new();

    /// <summary>True while a retrain of the project runs.</summary>
    public bool IsRetraining(long projectId) => _running.TryGetValue(projectId, out var gate) && gate.CurrentCount == 0;

    /// <summary>Retrains every project that is due (see <see cref="QueueModelOperations.DueProjectsAsync"/>), one after another.</summary>
    public async Task<IReadOnlyList<QueueRetrainResult>> RunDueAsync(CancellationToken ct)
    {
        IReadOnlyList<long> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<QueueModelOperations>().DueProjectsAsync(labelCounts, ct);
        var results = new List<QueueRetrainResult>();
        foreach (var projectId in due)
        {
            try
            {
                if (await RetrainAsync(projectId, ct) is { } result)
                    results.Add(result);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One project's failure must not hold back the others; it is retried on the next pass.
                LogFailed(logger, e, projectId);
            }
        }
        return results;
    }

    /// <summary>Retrains the project now; null when a retrain of it is already running.</summary>
    public async Task<QueueRetrainResult?> RetrainAsync(long projectId, CancellationToken ct)
    {
        var gate = _running.GetOrAdd(projectId, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct))
            return null;
        try
        {
            // Each retrain gets its own scope (its own database context), apart from any request's.
            await using var scope = scopes.CreateAsyncScope();
            var cache = _caches.GetOrAdd(projectId, _ => new QueueFeatureCache());
            var result = await scope.ServiceProvider.GetRequiredService<QueueRetrainer>().RetrainAsync(projectId, cache, ct);
            if (result.ModelTrained)
                LogRetrained(logger, projectId, result.LabeledItems, result.PoolItems, result.RankedItems, result.Kappa, (long)result.Duration.TotalMilliseconds);
            else
                LogNoModel(logger, projectId, result.LabeledItems, result.Note);
            return result;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Takes erased items out of the project's kept features. The cache is not thread-safe, so this holds the
    /// project's retrain gate; while a retrain runs the cache is dropped instead (the retrain finishes on its own copy,
    /// which nothing keeps afterwards, and the next one featurizes the remaining items afresh).
    /// </summary>
    public void Forget(long projectId, IReadOnlyCollection<long> itemIds)
    {
        if (!_caches.TryGetValue(projectId, out var cache))
            return;
        var gate = _running.GetOrAdd(projectId, _ => new SemaphoreSlim(1, 1));
        if (!gate.Wait(0))
        {
            _caches.TryRemove(projectId, out _);
            return;
        }
        try
        {
            cache.Forget(itemIds);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Whether the project's kept features hold the item (tests check an erasure took it out).</summary>
    public bool HoldsFeaturesOf(long projectId, long itemId) => _caches.TryGetValue(projectId, out var cache) && cache.Contains(itemId);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Information,
        Message = "Queue model of project {ProjectId} retrained on {Labels} labels, {Pool} pool items, {Ranked} ranked, kappa {Kappa}, {DurationMs} ms")]
    private static partial void LogRetrained(ILogger logger, long projectId, int labels, int pool, int ranked, double? kappa, long durationMs);

    [LoggerMessage(EventId = 2103, Level = LogLevel.Error, Message = "Queue retrain of project {ProjectId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long projectId);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Information, Message = "Queue model of project {ProjectId} not trained at {Labels} labels: {Note}")]
    private static partial void LogNoModel(ILogger logger, long projectId, int labels, string? note);
}
