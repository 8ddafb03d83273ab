namespace Labelforge.Core.Privacy;

/// <summary>
/// A masking preview: the sample (an item's id and external id, or null for a text the caller sent), its text (the
/// first <see cref="PiiOperations.PreviewChars"/> characters; <see cref="Clipped"/> says the item has more), the same
/// masked, and each detection's kind and [start, end) UTF-16 offsets in <see cref="Text"/>.
/// </summary>
public sealed record PiiPreview(
    long? ItemId,
    string? ExternalId,
    string? MaskedExternalId,
    string Text,
    string Masked,
    bool Clipped,
    IReadOnlyList<PiiPreviewDetection> Detections,
    bool SameLengthMasks);

/// <summary>One detection of a preview: its kind's wire name and where it is in the previewed text.</summary>
public sealed record PiiPreviewDetection(string Kind, int Start, int End);
