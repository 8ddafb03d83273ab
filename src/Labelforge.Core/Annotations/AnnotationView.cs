namespace Labelforge.Core.Annotations;

/// <summary>
/// An annotation as the API and CLI show it. <see cref="Labels"/> are names resolved through merges. In a text-spans
/// project <see cref="Spans"/> holds the spans, in an image-objects project <see cref="Objects"/> the objects, and
/// <see cref="LabelIds"/> the distinct labels they use.
/// </summary>
public sealed record AnnotationView(
    long Id,
    long ItemId,
    string Author,
    string Kind,
    IReadOnlyList<long> LabelIds,
    IReadOnlyList<string> Labels,
    double? Confidence,
    IReadOnlyDictionary<string, double>? Probabilities,
    int TaxonomyVersion,
    long? TimeSpentMs,
    DateTimeOffset CreatedAt,
    long? SupersedesId,
    string? RequestId,
    long? SuggestionAnnotationId = null,
    string? SuggestionOutcome = null)
{
    /// <summary>The spans of a text-spans annotation; null in other projects.</summary>
    public IReadOnlyList<SpanView>? Spans { get; init; }

    /// <summary>The objects (boxes and polygons) of an image-objects annotation; null in other projects.</summary>
    public IReadOnlyList<ObjectView>? Objects { get; init; }
}
