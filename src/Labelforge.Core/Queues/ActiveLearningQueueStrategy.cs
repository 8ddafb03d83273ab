using Labelforge.Core.Items;
using Labelforge.Engine.ActiveLearning;

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

    public IOrderedQueryable<Item> Order(IQueryable<Item> candidates) =>
        candidates
            .OrderBy(i => ranks.Where(r => r.ItemId == i.Id).Select(r => (int?)r.Rank).FirstOrDefault() ?? int.MaxValue)
            .ThenBy(SeededRandomStrategy.Key(seed))
            .ThenBy(i => i.Id);
}
