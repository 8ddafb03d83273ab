namespace Labelforge.Core.Erasure;

/// <summary>
/// What the store did after an erasure so its files keep no copy: whether freed pages were overwritten
/// (<see cref="SecureDelete"/>), the text index purged of the erased rows (<see cref="SearchIndexPurged"/>) and the
/// write-ahead log copied back and emptied (<see cref="WalCheckpointed"/>; false when a reader held it, so the caller
/// says to run the erasure's cleanup again: <c>labelforge erase PROJECT --cleanup</c>).
/// </summary>
public sealed record ErasureCleanup(bool SecureDelete, bool SearchIndexPurged, bool WalCheckpointed);
