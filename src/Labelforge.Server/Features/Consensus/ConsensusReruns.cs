using System.Collections.Concurrent;
using Labelforge.Core.Consensus;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Consensus;

/// <summary>
/// Background consensus reruns: finds the projects due one (<see cref="ConsensusOperations.DueAsync"/>: N new human labels
/// since the latest run, N a project setting) and runs each in its own scope. One run per project at a time; a
/// request's run and a background one for the same project never overlap.
/// </summary>
public sealed partial class ConsensusReruns(IServiceScopeFactory scopes, ILogger<ConsensusReruns> logger)
{
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _running = new();

    /// <summary>Runs every due project one after another; returns the runs made.</summary>
    public async Task<IReadOnlyList<ConsensusRunView>> RunDueAsync(CancellationToken ct)
    {
        IReadOnlyList<(long ProjectId, ConsensusRequest Request)> due;
        await using (var scope = scopes.CreateAsyncScope())
            due = await scope.ServiceProvider.GetRequiredService<ConsensusOperations>().DueAsync(ct);
        var runs = new List<ConsensusRunView>();
        foreach (var (projectId, request) in due)
        {
            try
            {
                if (await RunAsync(projectId, request, ct) is { } run)
                    runs.Add(run);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One project's failure must not hold back the others; it is tried again on the next pass.
                LogFailed(logger, e, projectId);
            }
        }
        return runs;
    }

    /// <summary>Runs consensus on the project now in a scope of its own; null when a run of it is already in progress.</summary>
    public async Task<ConsensusRunView?> RunAsync(long projectId, ConsensusRequest request, CancellationToken ct)
    {
        var gate = _running.GetOrAdd(projectId, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct))
            return null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The engine is CPU work of seconds: keep it off the caller's thread (a request's or the poll loop's).
            return await Task.Run(async () => (await scope.ServiceProvider.GetRequiredService<ConsensusOperations>().RunAsync(projectId, request, ct)).Run, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Consensus rerun of project {ProjectId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, long projectId);
}
