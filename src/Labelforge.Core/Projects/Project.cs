namespace Labelforge.Core.Projects;

/// <summary>A labeling project: its task, its taxonomy (labels and versions) and written guidelines.</summary>
public sealed class Project
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Wire name of the task type, see <see cref="TaskTypes"/>.</summary>
    public required string TaskType { get; set; }

    public bool MultiLabel { get; set; }

    /// <summary>Text spans: whether an annotation may hold spans that share characters (nested or crossing entities).</summary>
    public bool OverlappingSpans { get; set; }

    /// <summary>Text spans: whether submitted spans must start and end on token boundaries (default true).</summary>
    public bool SnapSpansToTokens { get; set; } = true;

    /// <summary>Markdown shown to annotators: the text of <see cref="GuidelineVersion"/>.</summary>
    public string Guidelines { get; set; } = "";

    /// <summary>The current guideline version (guideline_versions): 1 at creation, one more per edit.</summary>
    public int GuidelineVersion { get; set; }

    /// <summary>The current taxonomy version; 0 before the first label exists.</summary>
    public int TaxonomyVersion { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Label Studio control (from_name) and object (to_name) names for its exports: the first a Label Studio import
    /// brought, or set with `export --ls-from-name/--ls-to-name`; null until then (exports use "label" and "text").
    /// </summary>
    public string? LabelStudioFromName { get; set; }

    public string? LabelStudioToName { get; set; }
}
