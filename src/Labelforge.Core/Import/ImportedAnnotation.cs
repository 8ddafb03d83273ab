using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import;

/// <summary>
/// A label set that arrived with an imported row: the label field of a CSV/JSONL row, or a Label Studio
/// annotation or prediction. <see cref="Author"/> null means "the import batch itself" (import:BATCH).
/// Labels are names as written in the file; the importer maps them to taxonomy labels.
/// </summary>
public sealed record ImportedAnnotation(
    string? Author,
    AnnotationKind Kind,
    IReadOnlyList<string> Labels,
    double? Confidence = null);
