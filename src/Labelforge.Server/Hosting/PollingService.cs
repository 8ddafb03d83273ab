using Microsoft.Extensions.Hosting;

namespace Labelforge.Server.Hosting;

/// <summary>
/// A background loop that runs one pass every <paramref name="interval"/> on the server's TimeProvider (tests give a
/// fake clock and call the pass themselves). A failed pass is logged and the next tick tries again, so one bad
/// project never stops the loop; stopping the server cancels the pass in progress.
/// </summary>
internal abstract class PollingService(TimeSpan interval, TimeProvider time) : BackgroundService
{
    protected abstract Task RunPassAsync(CancellationToken ct);

    /// <summary>Logs a failed pass (each service keeps its own event id).</summary>
    protected abstract void LogFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunPassAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }
}
