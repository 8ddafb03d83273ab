namespace Labelforge.Core.Counts;

/// <summary>
/// A project's maintained counts (table <c>project_counts</c>, one row per project), kept exact by the store in the
/// same transaction as every write of items and annotations (on SQLite, triggers), so the project list, queue
/// progress and the retrain poll read one row instead of counting the project's items.
/// </summary>
public sealed class ProjectCounts
{
    public long ProjectId { get; set; }

    /// <summary>Items in the project.</summary>
    public long Items { get; set; }

    /// <summary>Items with at least one annotation of any kind.</summary>
    public long AnnotatedItems { get; set; }

    /// <summary>Items a person decided (a human label or a review; <see cref="Annotations.AnnotationKinds.ByPerson"/>).</summary>
    public long DecidedItems { get; set; }

    /// <summary>Items with a given label (human, import or review; <see cref="Annotations.AnnotationKinds.Given"/>).</summary>
    public long GivenItems { get; set; }
}
