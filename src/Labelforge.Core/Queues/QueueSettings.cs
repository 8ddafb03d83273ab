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

    /// <summary><see cref="FixedOverlap"/> (every item needs <see cref="Overlap"/> annotators) or <see cref="AdaptiveOverlap"/>.</summary>
    public string OverlapMode { get; set; } = FixedOverlap;

    /// <summary>Fixed overlap: distinct annotators each item needs before it leaves the queue (default 1).</summary>
    public int Overlap { get; set; } = 1;

    /// <summary>Adaptive overlap: annotators every item gets at least.</summary>
    public int MinOverlap { get; set; } = 1;

    /// <summary>Adaptive overlap: annotators an item gets at most.</summary>
    public int MaxOverlap { get; set; } = 1;

    /// <summary>Adaptive overlap: ask one more annotator while the item's consensus posterior is below this.</summary>
    public double TargetConfidence { get; set; } = DefaultTargetConfidence;

    /// <summary>Share of each annotator's items that are gold items (0 to 1; default 0: none).</summary>
    public double GoldRate { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public const string FixedOverlap = "fixed";
    public const string AdaptiveOverlap = "adaptive";
    public const double DefaultTargetConfidence = 0.9;

    /// <summary>Annotators an item needs before anything is known about it: the fixed overlap or the adaptive minimum.</summary>
    public int BaseOverlap => OverlapMode == AdaptiveOverlap ? MinOverlap : Overlap;
}
