namespace Labelforge.Core.Annotations;

/// <summary>The stored annotation, and whether this call stored it (false: a retry of an earlier request id).</summary>
public sealed record SubmitResult(AnnotationView Annotation, bool Created);
