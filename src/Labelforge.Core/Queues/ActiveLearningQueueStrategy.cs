using Labelforge.Core.Items;
using Labelforge.Engine.ActiveLearning;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues;

/// <summary>
/// Active-learning order: items by their rank in the project's latest model ranking (<see cref="QueueRank"/>), the
/// rest, and every item before the first model exists, in <see cref="SeededRandomStrategy"/> order. The ranking is
/// read in the same SQL statement as the claim, so a retrain that replaces it never leaves a claim half on each.
/// </summary>
public sealed class ActiveLearningQueueStrategy(string name, long seed, IQueryable<QueueRank> ranks) : IQueueStrategy
{
    public const string LeastConfidence = "least-confidence";
    public const string Margin = "margin";
    public const string Entropy = "entropy";
    public const string Diversity = "diversity";
    public const string UncertaintyDiversity = "uncertainty-diversity";

    /// <summary>The wire names, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [LeastConfidence, Margin, Entropy, Diversity, UncertaintyDiversity];

    public string Name => name;

    /// <summary>The Engine strategy behind a wire name.</summary>
    public static QueryStrategy ToQueryStrategy(string name) => name switch
    {
        LeastConfidence => QueryStrategy.LeastConfidence,
        Margin => QueryStrategy.Margin,
        Entropy => QueryStrategy.Entropy,
        Diversity => QueryStrategy.Diversity,
        UncertaintyDiversity => QueryStrategy.UncertaintyDiversity,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an active-learning queue strategy"),
    };

    /// <summary>Walks the ranking in rank order (its index) and stops at <paramref name="count"/>; only when the ranked candidates run out are the rest read, in seeded-random order.</summary>
    public async Task<List<long>> FirstIdsAsync(IQueryable<Item> candidates, int count, CancellationToken ct)
    {
        var ranked = await ranks.Join(candidates, r => r.ItemId, i => i.Id, (r, i) => new { i.Id, r.Rank })
            .OrderBy(x => x.Rank).Select(x => x.Id).Take(count).ToListAsync(ct);
        if (ranked.Count == count)
            return ranked;
        var rest = await new SeededRandomStrategy(seed).Order(candidates.Where(i => !ranks.Any(r => r.ItemId == i.Id)))
            .Select(i => i.Id).Take(count - ranked.Count).ToListAsync(ct);
        return [.. ranked, .. rest];
    }

    public IOrderedQueryable<Item> Order(IQueryable<Item> candidates) =>
        candidates
            .OrderBy(i => ranks.Where(r => r.ItemId == i.Id).Select(r => (int?)r.Rank).FirstOrDefault() ?? int.MaxValue)
            .ThenBy(SeededRandomStrategy.Key(seed))
            .ThenBy(i => i.Id);
}
