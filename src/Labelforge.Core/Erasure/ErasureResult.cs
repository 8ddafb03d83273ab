namespace Labelforge.Core.Erasure;

/// <summary>One item an erasure matched (a preview) or removed.</summary>
public sealed record ErasedItem(long ItemId, string? ExternalId);

/// <summary>
/// What an erasure did, or with <see cref="DryRun"/> would do: the items (the first
/// <see cref="EraseRequest.PreviewLimit"/> of a preview), how many in all, what went with them, and whether the
/// store's copies were wiped (<see cref="StoreCleanup"/>). <see cref="AlreadyErased"/> answers an external id that a
/// tombstone already holds.
/// </summary>
public sealed record ErasureResult(
    long ProjectId,
    bool DryRun,
    int ItemCount,
    IReadOnlyList<ErasedItem> Items,
    int AnnotationsRemoved,
    int MatrixRowsRemoved,
    int ModelsWithdrawn,
    int MediaFilesRemoved,
    ErasureCleanup? StoreCleanup,
    TombstoneView? AlreadyErased);

/// <summary>A tombstone as the API and CLI show it.</summary>
public sealed record TombstoneView(long Id, long ItemId, string? ExternalIdHash, string ErasedBy, DateTimeOffset ErasedAt, string? Reason,
    int AnnotationsRemoved, int MatrixRowsRemoved, int ModelsWithdrawn, bool MediaFileRemoved)
{
    public static TombstoneView From(Tombstone e) => new(e.Id, e.ItemId, e.ExternalIdHash, e.ErasedBy, e.ErasedAt, e.Reason,
        e.AnnotationsRemoved, e.MatrixRowsRemoved, e.ModelsWithdrawn, e.MediaFileRemoved);
}
