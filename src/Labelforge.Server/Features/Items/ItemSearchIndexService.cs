using Labelforge.Core.Items;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.Logging;

namespace Labelforge.Server.Features.Items;

/// <summary>
/// The background loop that keeps the store's text index (<see cref="IItemSearch"/>) caught up: every
/// <see cref="ServerOptions.SearchIndexInterval"/> it indexes newly stored items in chunks of
/// <see cref="ItemSearchIndex.ChunkSize"/>, one short write transaction each, so claims and submissions interleave with a
/// large catch-up instead of waiting behind it. Searches are exact before it catches up, only slower.
/// </summary>
internal sealed partial class ItemSearchIndexService(LabelforgeStore store, ServerOptions options, TimeProvider time, ILogger<ItemSearchIndexService> logger)
    : PollingService(options.SearchIndexInterval, time)
{
    protected override Task RunPassAsync(CancellationToken ct) => ItemSearchIndex.CatchUpAsync(store.CreateDb, ct);

    protected override void LogFailed(Exception exception) => LogPassFailed(logger, exception);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Search index pass failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
