namespace Labelforge.Core.Queues;

/// <summary>
/// One item handed to one annotator until <see cref="ExpiresAt"/>. The unique index on the item id is what
/// keeps two annotators from holding the same item; an expired lease is deleted by the next claim.
/// </summary>
public sealed class ItemLease
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public long ItemId { get; set; }

    public required string Annotator { get; set; }

    public DateTimeOffset LeasedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
