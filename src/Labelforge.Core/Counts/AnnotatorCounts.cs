namespace Labelforge.Core.Counts;

/// <summary>
/// Per-annotator maintained counts (table <c>annotator_counts</c>, one row per project and author of a human label),
/// kept in step with annotations like <see cref="ProjectCounts"/>.
/// </summary>
public sealed class AnnotatorCounts
{
    public long ProjectId { get; set; }

    public required string Author { get; set; }

    /// <summary>Items this author gave a human label.</summary>
    public long LabeledItems { get; set; }
}
