using Labelforge.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Queues;

/// <summary>
/// The background loop: every <see cref="ServerOptions.RetrainPollInterval"/> (on the server's TimeProvider) it asks
/// which active-learning projects got enough new labels and retrains them. Polling the label counts keeps the
/// annotation write path unaware of models; stopping the server cancels a retrain in progress.
/// </summary>
internal sealed partial class QueueRetrainService(QueueRetrainCoordinator coordinator, ServerOptions options, TimeProvider time, ILogger<QueueRetrainService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.RetrainPollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await coordinator.RunDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad project must not stop retraining for the others; the next tick tries again.
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Queue retrain pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
