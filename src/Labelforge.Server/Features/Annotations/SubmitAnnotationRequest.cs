namespace Labelforge.Server.Features.Annotations;

public sealed record SubmitAnnotationRequest(
    long ItemId,
    string? Author,
    string? Kind,
    IReadOnlyList<long>? LabelIds,
    IReadOnlyList<string>? Labels,
    double? Confidence,
    IReadOnlyDictionary<string, double>? Probabilities,
    long? TimeSpentMs,
    long? SupersedesId,
    string? RequestId,
    long? SuggestionAnnotationId = null,
    IReadOnlyList<SpanRequest>? Spans = null,
    IReadOnlyList<ObjectRequest>? Objects = null);
