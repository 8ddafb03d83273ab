using Labelforge.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Consensus;

/// <summary>
/// The background loop: every <see cref="ServerOptions.ConsensusPollInterval"/> (on the server's TimeProvider) it reruns
/// consensus on the projects that got their N new human labels. Tests give the server a fake clock and call
/// <see cref="ConsensusReruns.RunDueAsync"/> themselves.
/// </summary>
internal sealed partial class ConsensusRerunService(ConsensusReruns reruns, ServerOptions options, TimeProvider time, ILogger<ConsensusRerunService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.ConsensusPollInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await reruns.RunDueAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Consensus rerun pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
