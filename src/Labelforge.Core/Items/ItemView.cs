using System.Text.Json;

namespace Labelforge.Core.Items;

/// <summary>An item with its current labels (latest per author, resolved names).</summary>
public sealed record ItemView(
    long Id,
    string? ExternalId,
    string Text,
    JsonElement Data,
    IReadOnlyList<string> Labels,
    IReadOnlyList<string> Authors,
    DateTimeOffset CreatedAt);
