using Labelforge.Core.Items;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Items;

/// <summary>
/// The background loop that keeps the store's text index (<see cref="IItemSearch"/>) caught up: every
/// <see cref="ServerOptions.SearchIndexInterval"/> (on the server's TimeProvider) it indexes newly stored items in
/// chunks of <see cref="ItemSearchIndex.ChunkSize"/>, one short write transaction each, so claims and submissions interleave with a
/// large catch-up instead of waiting behind it. Searches are exact before it catches up, only slower.
/// </summary>
internal sealed partial class ItemSearchIndexService(LabelforgeStore store, ServerOptions options, TimeProvider time, ILogger<ItemSearchIndexService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.SearchIndexInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await ItemSearchIndex.CatchUpAsync(store.CreateDb, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, e); // the next tick tries again
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }


    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Search index pass failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
