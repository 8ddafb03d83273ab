namespace Labelforge.Core.Annotations;

/// <summary>
/// A model pre-label offered to the annotator: the item's latest annotation of kind model, its labels resolved
/// through merges, and its confidence (stored, else the top label's probability). In a text-spans project also the
/// latest imported or programmatic annotation, since pre-annotated spans are corrected rather than taken as given; the
/// same in an image-objects project.
/// </summary>
public sealed record ModelSuggestion(long AnnotationId, string Author, IReadOnlyList<long> LabelIds, IReadOnlyList<string> Labels, double? Confidence)
{
    /// <summary>In a text-spans project, the suggested spans (from a model, labeling functions or an import).</summary>
    public IReadOnlyList<SpanView>? Spans { get; init; }

    /// <summary>In an image-objects project, the suggested objects (from a model, labeling functions or an import).</summary>
    public IReadOnlyList<ObjectView>? Objects { get; init; }
}
