namespace Labelforge.Core.LabelingFunctions.Spans;

/// <summary>
/// What one function marked in a span run: the items it marked a span on, its spans (after snapping, each range once),
/// its faults and the first of them ("item N: Exception: message").
/// </summary>
public sealed record SpanLabelingFunctionStats(string Name, string Kind, long Items, long Spans, long Faults, string? FirstFault);
