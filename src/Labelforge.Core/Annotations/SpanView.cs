namespace Labelforge.Core.Annotations;

/// <summary>A span as the API shows it: offsets, label id resolved through merges and the label's reference.</summary>
public sealed record SpanView(int Start, int End, long LabelId, string Label);
