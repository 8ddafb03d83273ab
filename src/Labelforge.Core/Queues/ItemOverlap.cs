namespace Labelforge.Core.Queues;

/// <summary>
/// How many distinct annotators one item needs under adaptive overlap (table <c>item_overlaps</c>), written by the
/// adaptive rule after each person's label on it (<see cref="Overlap.OverlapRule"/>). Items without a row need the
/// project's minimum. Under fixed overlap the rows are not read. The store re-decides whether the item is still in the
/// queue whenever a row is written (SQLite: triggers), so the row and the undecided set never disagree.
/// </summary>
public sealed class ItemOverlap
{
    public long ItemId { get; set; }

    public long ProjectId { get; set; }

    public int Needed { get; set; }
}
