namespace Labelforge.Server.Features.Annotations;

/// <summary>A span in a submission: UTF-16 offsets [start, end) into the item's text and its label as label_id or label (name or path).</summary>
public sealed record SpanRequest(int Start, int End, long? LabelId = null, string? Label = null);
