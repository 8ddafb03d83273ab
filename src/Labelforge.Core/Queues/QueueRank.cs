namespace Labelforge.Core.Queues;

/// <summary>
/// An item's place in its project's active-learning order (table <c>queue_ranks</c>, one row per ranked item, replaced
/// as a whole after each retrain): claims sort by <see cref="Rank"/>, so the order survives a restart and is shared by
/// every server instance on the same database.
/// </summary>
public sealed class QueueRank
{
    public long ItemId { get; set; }

    public long ProjectId { get; set; }

    /// <summary>0 = label first.</summary>
    public int Rank { get; set; }

    /// <summary>The strategy's uncertainty score (margin for the diversity strategies); larger = less certain.</summary>
    public double Score { get; set; }
}
