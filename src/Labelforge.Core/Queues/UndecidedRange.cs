namespace Labelforge.Core.Queues;

/// <summary>
/// A run of undecided items in import order: table <c>undecided_ranges</c>, keyed <c>(ProjectId, FirstId)</c>. Every item
/// of the project with an id from <see cref="FirstId"/> to <see cref="LastId"/> is undecided (ids of other projects, or
/// of no item, may lie between), and every undecided item lies in exactly one range. An import adds one range per run
/// of consecutive new undecided ids (one per batch, usually); a decision splits the range it falls in, and an item that
/// becomes undecided again gets a range of its own. Import order walks the ranges by key and the items inside each by
/// <c>items (ProjectId, Id)</c>, so decided items cost nothing, as in <see cref="UndecidedItem"/>.
/// </summary>
public sealed class UndecidedRange
{
    public long ProjectId { get; set; }

    public long FirstId { get; set; }

    public long LastId { get; set; }
}
