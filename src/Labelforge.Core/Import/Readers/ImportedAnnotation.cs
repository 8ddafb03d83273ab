using Labelforge.Core.Annotations;
using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers.Json;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Import.Readers.Spans;

namespace Labelforge.Core.Import.Readers;

/// <summary>
/// A label set that arrived with an imported row: the label field of a CSV/JSONL row, or a Label Studio
/// annotation or prediction. <see cref="Author"/> null means "the import batch itself" (import:BATCH).
/// Labels are names as written in the file; the importer maps them to taxonomy labels.
/// </summary>
public sealed record ImportedAnnotation(
    string? Author,
    AnnotationKind Kind,
    IReadOnlyList<string> Labels,
    double? Confidence = null)
{
    /// <summary>Where in the row the labels came from (a column, "annotations", "predictions"), for errors.</summary>
    public string? Field { get; init; }

    /// <summary>When the source tool recorded the annotation (Label Studio created_at); null means the import time.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>Time the annotator spent, in milliseconds (Label Studio lead_time).</summary>
    public long? TimeSpentMs { get; init; }

    /// <summary>
    /// True when the row says these labels do NOT apply (a Prodigy "reject"): the importer turns that into the
    /// other class of a binary project, or the label's absence in a multi-label one (see RejectedLabels).
    /// </summary>
    public bool Rejected { get; init; }

    /// <summary>
    /// The spans of a text-spans row (CoNLL entities, spaCy "spans", Label Studio "labels" results); null for
    /// whole-item labels, whose names are in <see cref="Labels"/>.
    /// </summary>
    public IReadOnlyList<ImportedSpan>? Spans { get; init; }

    /// <summary>
    /// The objects of an image-objects row (boxes and polygons in pixels of the original image); null for whole-item
    /// labels or spans. An empty list says the image holds no objects.
    /// </summary>
    public IReadOnlyList<ImportedObject>? Objects { get; init; }

    /// <summary>The Label Studio control (from_name) and object (to_name) the labels were given with; null elsewhere.</summary>
    public LabelStudioControl? Control { get; init; }
}
