namespace Labelforge.Core.Annotations;

/// <summary>
/// A submission. Labels are given as ids (<see cref="LabelIds"/>) or names/paths (<see cref="Labels"/>).
/// <see cref="SupersedesId"/> null means "the author's previous annotation on this item, if any".
/// <see cref="RequestId"/> makes the author's retries idempotent (unique per project and author). <see cref="SuggestionAnnotationId"/> names the model suggestion
/// the annotator was shown; the outcome (accepted or corrected) is derived by comparing the labels.
/// A text-spans project takes <see cref="Spans"/> instead of labels (an empty list: no entities), an image-objects
/// project <see cref="Objects"/> (an empty list: nothing on the image).
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
    string? RequestId = null,
    long? SuggestionAnnotationId = null,
    IReadOnlyList<NewSpan>? Spans = null,
    IReadOnlyList<NewObject>? Objects = null);
