using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues.Strategies;

/// <summary>
/// A seeded pseudo-random order: items sort by ((id mod p) * a + seed) mod p for a prime p, so the same seed gives
/// the same order on every call and every provider. The seed-free part, <see cref="BaseKey"/>, is stored with each
/// undecided item (<see cref="UndecidedItem.RandomKey"/>, the table's key); adding the seed modulo p only rotates that order,
/// so a claim is two range walks of the index: keys from <see cref="Start"/> up, then the keys below it.
/// </summary>
public sealed class SeededRandomStrategy(long seed) : IQueueStrategy
{
    public const string WireName = "seeded-random";

    /// <summary>
    /// About p / golden ratio, so consecutive ids land far apart; (id mod p) * a stays below 2^62 for every id, so
    /// neither C# nor SQL integer arithmetic overflows (SQLite would turn an overflow into an inexact REAL).
    /// </summary>
    public const long Multiplier = 1327217885;

    /// <summary>The prime 2^31 - 1; ids below it map one to one onto keys (ties past it go by id).</summary>
    public const long Modulus = 2147483647;

    public string Name => WireName;

    /// <summary>The stored, seed-free key of an item; the store computes the same in SQL when it adds the row.</summary>
    public static long BaseKey(long itemId) => itemId % Modulus * Multiplier % Modulus;

    /// <summary>The stored key the order of <paramref name="seed"/> starts at: (key + seed) mod p is smallest there.</summary>
    public static long Start(long seed)
    {
        var offset = ((seed % Modulus) + Modulus) % Modulus;
        return (Modulus - offset) % Modulus;
    }

    public Task<List<long>> FirstIdsAsync(QueueCandidates candidates, int count, CancellationToken ct) =>
        FirstIdsAsync(candidates.Undecided, seed, count, ct);

    /// <summary>The first <paramref name="count"/> of <paramref name="candidates"/> in the order of <paramref name="seed"/>.</summary>
    internal static async Task<List<long>> FirstIdsAsync(IQueryable<UndecidedItem> candidates, long seed, int count, CancellationToken ct)
    {
        var start = Start(seed);
        var ids = await candidates.Where(u => u.RandomKey >= start).OrderBy(u => u.RandomKey).ThenBy(u => u.ItemId)
            .Select(u => u.ItemId).Take(count).ToListAsync(ct);
        if (ids.Count < count && start > 0)
        {
            ids.AddRange(await candidates.Where(u => u.RandomKey < start).OrderBy(u => u.RandomKey).ThenBy(u => u.ItemId)
                .Select(u => u.ItemId).Take(count - ids.Count).ToListAsync(ct));
        }
        return ids;
    }
}
