using Labelforge.Core.Data;

namespace Labelforge.Core.Items;

/// <summary>Brings a store's text index (<see cref="IItemSearch"/>) up to date, a chunk of items per write transaction.</summary>
public static class ItemSearchIndex
{
    /// <summary>Items per transaction: a catch-up of a million items lets claims and submissions in between chunks.</summary>
    public const int ChunkSize = 20_000;

    /// <summary>Indexes every item not yet indexed (none when the store has no index); returns how many.</summary>
    public static async Task<long> CatchUpAsync(Func<LabelforgeDb> createDb, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(createDb);
        long total = 0;
        while (true)
        {
            await using var db = createDb();
            if (ItemSearchOptionsExtension.Find(db) is not { } search)
                return total;
            var n = await search.IndexAsync(db, ChunkSize, ct);
            if (n == 0)
                return total;
            total += n;
        }
    }
}
