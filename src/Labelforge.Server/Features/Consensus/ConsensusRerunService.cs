using Labelforge.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Consensus;

/// <summary>
/// The background loop: every <see cref="ServerOptions.ConsensusPollInterval"/> it reruns consensus on the projects that
/// got their N new human labels. Tests give the server a fake clock and call <see cref="ConsensusReruns.RunDueAsync"/>
/// themselves.
/// </summary>
internal sealed partial class ConsensusRerunService(ConsensusReruns reruns, ServerOptions options, TimeProvider time, ILogger<ConsensusRerunService> logger)
    : PollingService(options.ConsensusPollInterval, time)
{
    protected override Task RunPassAsync(CancellationToken ct) => reruns.RunDueAsync(ct);

    protected override void LogFailed(Exception exception) => LogPassFailed(logger, exception);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Error, Message = "Consensus rerun pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
