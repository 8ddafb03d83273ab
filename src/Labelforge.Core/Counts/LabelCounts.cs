namespace Labelforge.Core.Counts;

/// <summary>
/// Per-label maintained counts (table <c>label_counts</c>, one row per label): the label an annotation holding this
/// label counts under (<see cref="ResolvedId"/>: itself, or its merge target as <see cref="Taxonomy.LabelResolver"/>
/// resolves it) and, on the rows where that is the label itself, the items whose current given label
/// (<see cref="Annotations.GivenLabels"/>: the latest human, imported or reviewed annotation) holds it. Kept exact by
/// the store in the same transaction as every annotation write, label insert and taxonomy merge (on SQLite, triggers).
/// </summary>
public sealed class LabelCounts
{
    public long LabelId { get; set; }

    public long ProjectId { get; set; }

    /// <summary>The label this one counts under now; equal to <see cref="LabelId"/> unless the label was merged.</summary>
    public long ResolvedId { get; set; }

    /// <summary>Items whose current given label holds this label or one merged into it; 0 on a merged label's row.</summary>
    public long Items { get; set; }
}
