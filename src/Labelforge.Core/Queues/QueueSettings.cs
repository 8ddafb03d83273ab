using Labelforge.Core.Queues.Strategies;

namespace Labelforge.Core.Queues;

/// <summary>
/// A project's queue order (table <c>queue_settings</c>; a project without a row uses import order). For the
/// active-learning strategies the server retrains a model every <see cref="RetrainEvery"/> new labels and ranks the
/// pool with it. Defaults: retrain every 20 labels, batches of 20, seed 1.
/// </summary>
public sealed class QueueSettings
{
    public const int DefaultRetrainEvery = 20;
    public const int DefaultBatchSize = 20;

    public long ProjectId { get; set; }

    /// <summary>Wire name, one of <see cref="QueueStrategies.Names"/>.</summary>
    public required string Strategy { get; set; }

    /// <summary>Retrain once this many items got labels since the last retrain.</summary>
    public int RetrainEvery { get; set; } = DefaultRetrainEvery;

    /// <summary>How many items a diversity strategy spreads out at once.</summary>
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>Seeds the random order, the model's example order and k-means++.</summary>
    public long Seed { get; set; } = 1;

    public DateTimeOffset UpdatedAt { get; set; }
}
