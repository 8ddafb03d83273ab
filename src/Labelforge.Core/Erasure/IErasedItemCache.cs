namespace Labelforge.Core.Erasure;

/// <summary>
/// Something in this process's memory that holds items' text or what was computed from it (term counts, feature
/// vectors, a run's ranked list with texts). After an erasure commits, <see cref="ErasureOperations"/> tells every
/// registered one which items went, so the process keeps no copy of them; each takes the items out or drops what it
/// cannot take them out of. Register implementations as singletons of this interface.
/// </summary>
public interface IErasedItemCache
{
    void Forget(long projectId, IReadOnlyCollection<long> itemIds);
}
