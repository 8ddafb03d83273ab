namespace Labelforge.Server.Features.Privacy;

/// <summary>
/// Body of POST /api/projects/{id}/pii/preview: a masking setting to try (as PUT takes it; nothing is saved) and the
/// sample: a text, else an item id, else the server picks an item with something to mask.
/// </summary>
public sealed record PiiPreviewRequest(IReadOnlyList<string>? Detectors, string? Pattern, IReadOnlyList<string>? Words, long? ItemId, string? Text);
