using Labelforge.Core.Common;

namespace Labelforge.Core.Queues;

/// <summary>Finds a queue strategy by its wire name.</summary>
public static class QueueStrategies
{
    public static IReadOnlyList<string> Names { get; } = [ImportOrderStrategy.WireName, SeededRandomStrategy.WireName];

    /// <summary>The strategy named <paramref name="name"/> (null means import order).</summary>
    public static IQueueStrategy Create(string? name, long seed) => name switch
    {
        null or "" or ImportOrderStrategy.WireName => new ImportOrderStrategy(),
        SeededRandomStrategy.WireName => new SeededRandomStrategy(seed),
        _ => throw LabelforgeException.Invalid($"Unknown queue strategy '{name}'; use {string.Join(" or ", Names)}."),
    };
}
