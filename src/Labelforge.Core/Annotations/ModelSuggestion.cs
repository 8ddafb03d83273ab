namespace Labelforge.Core.Annotations;

/// <summary>
/// A model pre-label offered to the annotator: the item's latest annotation of kind model, its labels resolved
/// through merges, and its confidence (stored, else the top label's probability).
/// </summary>
public sealed record ModelSuggestion(long AnnotationId, string Author, IReadOnlyList<long> LabelIds, IReadOnlyList<string> Labels, double? Confidence);
