using System.Text.Json;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Queues;

/// <summary>
/// A leased item as the annotate page needs it: content, lease expiry and the model's suggestion, if any; in a
/// text-spans project also the tokens spans snap to, as [start, end) UTF-16 offset pairs (one tokenizer, the server's);
/// in an image project the image's width and height.
/// </summary>
public sealed record QueueItem(long Id, string? ExternalId, string Text, JsonElement Data, DateTimeOffset LeaseExpiresAt, ModelSuggestion? Suggestion = null)
{
    public IReadOnlyList<int[]>? Tokens { get; init; }

    /// <summary>In an image project, the image's size in pixels as the import recorded it (objects are in these pixels); else null.</summary>
    public int? Width { get; init; }

    /// <summary>In an image project, the image's height in pixels; else null.</summary>
    public int? Height { get; init; }
}
