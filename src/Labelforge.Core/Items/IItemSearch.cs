using Labelforge.Core.Data;

namespace Labelforge.Core.Items;

/// <summary>
/// A store's text index of items, for the items search (a substring of the text, like SQL LIKE '%text%'). The index
/// is built after the items are committed (<see cref="IndexAsync"/>, run by the server in the background), so imports
/// keep their speed; a search reads the index for the items it covers and scans only the newer ones, so its results
/// never depend on how far indexing got, only its speed does. A store without one searches with plain LIKE.
/// </summary>
public interface IItemSearch
{
    /// <summary>
    /// Ids of the project's items whose text contains <paramref name="text"/> or whose external id is it, ascending: the
    /// first <paramref name="take"/>, and how many match counted up to <paramref name="countLimit"/>. Null when this
    /// index cannot serve the text (too short to index); the caller then scans.
    /// </summary>
    Task<ItemSearchResult?> SearchAsync(LabelforgeDb db, long projectId, string text, int take, int countLimit, CancellationToken ct);

    /// <summary>Indexes up to <paramref name="maxItems"/> items not yet indexed, in one short write transaction; returns how many.</summary>
    Task<int> IndexAsync(LabelforgeDb db, int maxItems, CancellationToken ct);
}
