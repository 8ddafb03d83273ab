using System.Linq.Expressions;
using Labelforge.Core.Items;

namespace Labelforge.Core.Queues;

/// <summary>
/// A seeded pseudo-random order computed in SQL: items sort by a multiplicative hash of (id, seed) modulo a
/// prime, so the same seed gives the same order on every call and every provider, without reading all ids.
/// </summary>
public sealed class SeededRandomStrategy(long seed) : IQueueStrategy
{
    public const string WireName = "seeded-random";

    // Knuth's multiplicative constant and the largest prime below 2^32; ids stay far below overflow.
    private const long Multiplier = 2654435761;
    private const long Modulus = 4294967291;

    public string Name => WireName;

    public IOrderedQueryable<Item> Order(IQueryable<Item> candidates) => candidates.OrderBy(Key(seed)).ThenBy(i => i.Id);

    /// <summary>The sort key of the order, for strategies that fall back to it.</summary>
    internal static Expression<Func<Item, long>> Key(long seed)
    {
        var offset = ((seed % Modulus) + Modulus) % Modulus;
        return i => ((i.Id % Modulus) * Multiplier + offset) % Modulus;
    }
}
