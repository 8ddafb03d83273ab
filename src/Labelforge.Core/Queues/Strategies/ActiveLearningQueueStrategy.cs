using Labelforge.Engine.ActiveLearning;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Queues.Strategies;

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

    /// <summary>
    /// Walks the ranking in rank order (its <c>(ProjectId, Rank)</c> index, each rank checked against the undecided
    /// items by key) and stops at <paramref name="count"/>; only when the ranked candidates run out are the rest read,
    /// in seeded-random order. A retrain ranks only unlabeled items, so the decided ranks skipped are at most the labels
    /// since the last retrain.
    /// </summary>
    public async Task<List<long>> FirstIdsAsync(QueueCandidates candidates, int count, CancellationToken ct)
    {
        var undecided = candidates.Undecided;
        // Joined on the whole key, computed from the ranked id, so each rank is one seek into the undecided items.
        var ranked = await ranks.Join(undecided,
                r => new { Key = r.ItemId % SeededRandomStrategy.Modulus * SeededRandomStrategy.Multiplier % SeededRandomStrategy.Modulus, Id = r.ItemId },
                u => new { Key = u.RandomKey, Id = u.ItemId }, (r, u) => new { u.ItemId, r.Rank })
            .OrderBy(x => x.Rank).Select(x => x.ItemId).Take(count).ToListAsync(ct);
        if (ranked.Count == count)
            return ranked;
        var rest = await SeededRandomStrategy.FirstIdsAsync(undecided.Where(u => !ranks.Any(r => r.ItemId == u.ItemId)), seed, count - ranked.Count, ct);
        return [.. ranked, .. rest];
    }
}
