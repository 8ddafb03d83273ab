using Labelforge.Core.Queues.Strategies;

namespace Labelforge.Core.Queues;

/// <summary>
/// An item no person has decided yet (no human label, no review): table <c>undecided_items</c>, one row per such
/// item, added when the item is stored and removed by the first decision, in the same transaction (the store keeps
/// it in step, on SQLite with triggers). Claims read the queue from here, so decided items cost nothing however many
/// there are. The table is one b-tree keyed <c>(ProjectId, RandomKey, ItemId)</c>: seeded random walks it, and since
/// the key is computed from the id, "is this item undecided" is a key seek too. Import order walks
/// <see cref="UndecidedRange"/>, which holds the same items as runs of ids, so an import adds one b-tree entry per item
/// instead of two.
/// </summary>
public sealed class UndecidedItem
{
    public long ProjectId { get; set; }

    public long ItemId { get; set; }

    /// <summary><see cref="SeededRandomStrategy.BaseKey"/> of the item id; a seed rotates where the order starts.</summary>
    public long RandomKey { get; set; }
}
