namespace Labelforge.Core.Annotations;

/// <summary>
/// A submission. Labels are given as ids (<see cref="LabelIds"/>) or names/paths (<see cref="Labels"/>).
/// <see cref="SupersedesId"/> null means "the author's previous annotation on this item, if any".
/// <see cref="RequestId"/> makes retries idempotent.
/// </summary>
public sealed record NewAnnotation(
    long ItemId,
    string Author,
    AnnotationKind Kind = AnnotationKind.Human,
    IReadOnlyList<long>? LabelIds = null,
    IReadOnlyList<string>? Labels = null,
    double? Confidence = null,
    IReadOnlyDictionary<string, double>? Probabilities = null,
    long? TimeSpentMs = null,
    long? SupersedesId = null,
    string? RequestId = null);
