namespace Labelforge.Core.Annotations;

/// <summary>
/// An append-only labeling event. Never updated: a correction is a new annotation whose
/// <see cref="SupersedesId"/> points at the one it replaces; "current labels" are a query.
/// </summary>
public sealed class Annotation
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public long ItemId { get; set; }

    /// <summary>A user name, or a source such as model:NAME@VERSION, lf:SET@VERSION, import:BATCH.</summary>
    public required string Author { get; set; }

    /// <summary>Wire name of <see cref="AnnotationKind"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>Label ids as a JSON array, e.g. [3] or [3,5] for multi-label; [] means "none apply".</summary>
    public required string LabelIdsJson { get; set; }

    public double? Confidence { get; set; }

    /// <summary>Optional probabilities per label id as a JSON object, e.g. {"3":0.9,"5":0.1}.</summary>
    public string? ProbabilitiesJson { get; set; }

    public int TaxonomyVersion { get; set; }

    /// <summary>The project's guideline version when this was written; null for annotations from before guidelines had versions.</summary>
    public int? GuidelineVersion { get; set; }

    public long? TimeSpentMs { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public long? SupersedesId { get; set; }

    /// <summary>Client-chosen idempotency key: a retried submission with the same key is stored once.</summary>
    public string? RequestId { get; set; }

    /// <summary>The model annotation shown to the annotator as a suggestion; null when labeled from scratch.</summary>
    public long? SuggestionAnnotationId { get; set; }

    /// <summary>Wire name from <see cref="SuggestionOutcomes"/>: whether the suggestion was kept unchanged; null without one.</summary>
    public string? SuggestionOutcome { get; set; }
}
