namespace Labelforge.Core.Taxonomy;

/// <summary>
/// A node of a project's label tree. The id is stable for the label's whole life: renames and moves
/// keep it, merges and splits retire it (<see cref="Status"/>) and point at the labels that replace it.
/// </summary>
public sealed class Label
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public long? ParentId { get; set; }

    public required string Name { get; set; }

    public string? Description { get; set; }

    /// <summary>A single key that overrides the automatically assigned hotkey.</summary>
    public string? Hotkey { get; set; }

    /// <summary>CSS color, e.g. #3b82f6.</summary>
    public string? Color { get; set; }

    public LabelStatus Status { get; set; }

    /// <summary>Set when <see cref="Status"/> is <see cref="LabelStatus.Merged"/>: where this label's annotations resolve to.</summary>
    public long? MergedIntoId { get; set; }

    public int CreatedInVersion { get; set; }

    /// <summary>The version that deprecated, merged or split this label; null while active.</summary>
    public int? RetiredInVersion { get; set; }

    public int SortOrder { get; set; }

    /// <summary>
    /// The id of the COCO category the label was first imported from (null: none), so a COCO export writes the
    /// dataset's own category ids back (see <c>Export/ObjectCategories</c>) instead of numbering them afresh.
    /// </summary>
    public long? CocoCategoryId { get; set; }
}
