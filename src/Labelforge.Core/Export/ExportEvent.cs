namespace Labelforge.Core.Export;

/// <summary>One annotation event, for `--history` exports: every event, in the order they were stored.</summary>
public sealed record ExportEvent(
    long AnnotationId,
    long ItemId,
    string? ExternalId,
    string Author,
    string Kind,
    IReadOnlyList<string> Labels,
    double? Confidence,
    IReadOnlyDictionary<string, double>? Probabilities,
    int TaxonomyVersion,
    long? TimeSpentMs,
    DateTimeOffset CreatedAt,
    long? SupersedesId,
    long? SuggestionAnnotationId = null,
    string? SuggestionOutcome = null);
