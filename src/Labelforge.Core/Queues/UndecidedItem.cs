using Labelforge.Core.Queues.Strategies;

namespace Labelforge.Core.Queues;

/// <summary>
/// An item no person has decided yet (no human label, no review): table <c>undecided_items</c>, one row per such
/// item, added when the item is stored and removed by the first decision, in the same transaction (the store keeps
/// it in step, on SQLite with triggers). Claims read the queue from here, so decided items cost nothing however many
/// there are: import order walks <c>(ProjectId, ItemId)</c>, seeded random walks <c>(ProjectId, RandomKey)</c>.
/// </summary>
public sealed class UndecidedItem
{
    public long ProjectId { get; set; }

    public long ItemId { get; set; }

    /// <summary><see cref="SeededRandomStrategy.BaseKey"/> of the item id; a seed rotates where the order starts.</summary>
    public long RandomKey { get; set; }
}
