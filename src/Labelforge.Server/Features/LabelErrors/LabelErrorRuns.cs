using System.Collections.Concurrent;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Erasure;
using Labelforge.Core.Taxonomy;
using Labelforge.Engine.LabelErrors;
using Labelforge.Training.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.LabelErrors;

/// <summary>
/// Runs confident learning on a project in the background (it trains one model per fold, seconds of CPU) and keeps
/// the latest run per project in memory, so the page can poll progress and read the ranked list. One run per project
/// at a time; results live until the next run or a restart (recomputing them is always possible). The suspects carry
/// their items' texts, so an erasure takes its items out (<see cref="Forget"/>), and a run that read an item before
/// it was erased drops it when it ends.
/// </summary>
public sealed partial class LabelErrorRuns(IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<LabelErrorRuns> logger)
    : IErasedItemCache
{
    private readonly ConcurrentDictionary<long, LabelErrorRun> _runs = new();
    private long _lastId;

    public LabelErrorRun Latest(long projectId) =>
        _runs.GetValueOrDefault(projectId) ?? new LabelErrorRun(0, projectId, LabelErrorRun.Idle, 0, 0, default, null, null, null, []);

    /// <summary>Starts a run unless one is already running for the project; returns the state of the run in charge.</summary>
    public LabelErrorRun Start(long projectId, int folds, int seed)
    {
        var run = new LabelErrorRun(Interlocked.Increment(ref _lastId), projectId, LabelErrorRun.Running, folds, 0, time.GetUtcNow(), null, null, null, []);
        var current = _runs.AddOrUpdate(projectId, run, (_, old) => old.Status == LabelErrorRun.Running ? old : run);
        if (ReferenceEquals(current, run))
            _ = Task.Run(() => ExecuteAsync(run, seed));
        return current;
    }

    private async Task ExecuteAsync(LabelErrorRun run, int seed)
    {
        var started = time.GetTimestamp();
        var ct = lifetime.ApplicationStopping;
        try
        {
            HumanLabels data;
            await using (var scope = scopes.CreateAsyncScope())
            {
                var services = scope.ServiceProvider;
                data = await HumanLabels.LoadAsync(services.GetRequiredService<LabelforgeDb>(), services.GetRequiredService<TaxonomyOperations>(), run.ProjectId, ct);
            }
            // The fold trainings get a dedicated thread, so they never hold request threads of the pool.
            var errors = await Task.Factory.StartNew(
                () => ProjectLabelErrors.Find(data, new LabelErrorOptions(), run.Folds, seed, done => Update(run, r => r with { FoldsDone = done })),
                ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Update(run, r => r with
            {
                Status = LabelErrorRun.Done, FoldsDone = r.Folds, Items = data.Labels.Length, Errors = errors,
                Seconds = Math.Round(time.GetElapsedTime(started).TotalSeconds, 3),
            });
            // The texts were read before the folds ran: drop items erased since. An erasure that commits after this
            // check finds the run done and takes its items out itself (Forget), so no order of the two keeps a text.
            await DropErasedAsync(run, ct);
        }
        catch (LabelforgeException e)
        {
            Update(run, r => r with { Status = LabelErrorRun.Failed, Error = e.Message });
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Server shutting down: the in-memory run goes with it.
        }
#pragma warning disable CA1031 // a background run has no caller to rethrow to: record the failure on the run and log it
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogRunFailed(logger, e, run.ProjectId);
            Update(run, r => r with { Status = LabelErrorRun.Failed, Error = "The run failed unexpectedly; the server log has the details." });
        }
    }

    /// <summary>Takes erased items out of the project's latest run (their suspects hold the items' texts).</summary>
    public void Forget(long projectId, IReadOnlyCollection<long> itemIds)
    {
        if (_runs.TryGetValue(projectId, out var run) && run.Errors.Any(e => itemIds.Contains(e.ItemId)))
            Update(run, r => r with { Errors = [.. r.Errors.Where(e => !itemIds.Contains(e.ItemId))] });
    }

    private async Task DropErasedAsync(LabelErrorRun run, CancellationToken ct)
    {
        var ids = Latest(run.ProjectId) is { Id: var id } current && id == run.Id ? current.Errors.Select(e => e.ItemId).ToList() : [];
        if (ids.Count == 0)
            return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
        var alive = (await db.Items.Where(i => i.ProjectId == run.ProjectId && ids.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct)).ToHashSet();
        if (alive.Count < ids.Count)
            Forget(run.ProjectId, [.. ids.Where(i => !alive.Contains(i))]);
    }

    // Only the run that started the update may change the entry; a newer run replaces it wholesale.
    private void Update(LabelErrorRun run, Func<LabelErrorRun, LabelErrorRun> change)
    {
        while (_runs.TryGetValue(run.ProjectId, out var current) && current.Id == run.Id)
        {
            if (_runs.TryUpdate(run.ProjectId, change(current), current))
                return;
        }
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Error, Message = "Label-error run on project {ProjectId} failed")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, long projectId);
}
