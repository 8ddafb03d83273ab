namespace Labelforge.Core.Queues;

/// <summary>
/// An annotator skipped an item: the queue does not hand it to them again (others still get it) until they ask
/// for their skipped items back. Kept per annotator, so a skip survives a reload or another browser.
/// </summary>
public sealed class ItemSkip
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    public long ItemId { get; set; }

    public required string Annotator { get; set; }

    public DateTimeOffset SkippedAt { get; set; }
}
