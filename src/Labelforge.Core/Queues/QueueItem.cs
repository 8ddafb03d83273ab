using System.Text.Json;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Queues;

/// <summary>A leased item as the annotate page needs it: content, lease expiry and the model's suggestion, if any.</summary>
public sealed record QueueItem(long Id, string? ExternalId, string Text, JsonElement Data, DateTimeOffset LeaseExpiresAt, ModelSuggestion? Suggestion = null);
