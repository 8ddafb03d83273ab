using System.Text.Json;

namespace Labelforge.Core.Queues;

/// <summary>A leased item as the annotate page needs it: content and lease expiry.</summary>
public sealed record QueueItem(long Id, string? ExternalId, string Text, JsonElement Data, DateTimeOffset LeaseExpiresAt);
