using Labelforge.Core.Common;

namespace Labelforge.Core.Queues.Strategies;

/// <summary>Finds a queue strategy by its wire name.</summary>
public static class QueueStrategies
{
    public static IReadOnlyList<string> Names { get; } = [ImportOrderStrategy.WireName, SeededRandomStrategy.WireName, .. ActiveLearningQueueStrategy.Names];

    /// <summary>True for the strategies that order by a retrained model.</summary>
    public static bool IsActiveLearning(string? name) => name is not null && ActiveLearningQueueStrategy.Names.Contains(name);

    /// <summary>The strategy named <paramref name="name"/> (null means import order); active learning reads <paramref name="ranks"/>.</summary>
    public static IQueueStrategy Create(string? name, long seed, IQueryable<QueueRank>? ranks = null) => name switch
    {
        null or "" or ImportOrderStrategy.WireName => new ImportOrderStrategy(),
        SeededRandomStrategy.WireName => new SeededRandomStrategy(seed),
        _ when IsActiveLearning(name) && ranks is not null => new ActiveLearningQueueStrategy(name, seed, ranks),
        _ => throw LabelforgeException.Invalid($"Unknown queue strategy '{name}'; use {string.Join(", ", Names)}."),
    };
}
