using Labelforge.Server.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Queues;

/// <summary>
/// The background loop: every <see cref="ServerOptions.RetrainPollInterval"/> it asks which active-learning projects got
/// enough new labels and retrains them. Polling the label counts keeps the annotation write path unaware of models;
/// stopping the server cancels a retrain in progress.
/// </summary>
internal sealed partial class QueueRetrainService(QueueRetrainCoordinator coordinator, ServerOptions options, TimeProvider time, ILogger<QueueRetrainService> logger)
    : PollingService(options.RetrainPollInterval, time)
{
    protected override Task RunPassAsync(CancellationToken ct) => coordinator.RunDueAsync(ct);

    protected override void LogFailed(Exception exception) => LogPassFailed(logger, exception);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Error, Message = "Queue retrain pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
