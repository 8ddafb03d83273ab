namespace Labelforge.Core.Erasure;

/// <summary>
/// The tombstone of one erased item (<c>tombstones</c>): which item, who erased it, when, why, and how much went with it.
/// It keeps no text: the external id only as its SHA-256 (<see cref="ErasureOperations.HashExternalId"/>), so "was X
/// erased?" can be answered without storing X. The item row itself is deleted; later exports and dataset versions
/// cannot include it, and anything that builds a dataset from items reads this table to say what was left out.
/// </summary>
public sealed class Tombstone
{
    public long Id { get; set; }

    public long ProjectId { get; set; }

    /// <summary>The erased item's id (SQLite may hand the highest ids out again once they are gone).</summary>
    public long ItemId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the UTF-8 external id; null when the item had none.</summary>
    public string? ExternalIdHash { get; set; }

    public required string ErasedBy { get; set; }

    public DateTimeOffset ErasedAt { get; set; }

    public string? Reason { get; set; }

    public int AnnotationsRemoved { get; set; }

    public int MatrixRowsRemoved { get; set; }

    public int ModelsWithdrawn { get; set; }

    public bool MediaFileRemoved { get; set; }
}
