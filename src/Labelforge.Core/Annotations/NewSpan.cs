namespace Labelforge.Core.Annotations;

/// <summary>A submitted span: UTF-16 offsets [Start, End) and its label as an id or a name/path.</summary>
public sealed record NewSpan(int Start, int End, long? LabelId = null, string? Label = null);
