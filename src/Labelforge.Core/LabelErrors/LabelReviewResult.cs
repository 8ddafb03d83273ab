using Labelforge.Core.Annotations;

namespace Labelforge.Core.LabelErrors;

/// <summary>The stored review annotation and whether the given label was <c>kept</c> or <c>fixed</c>.</summary>
public sealed record LabelReviewResult(AnnotationView Annotation, string Decision, bool Created);
