namespace Labelforge.Core.Queues.Model;

/// <summary>
/// What one retrain produced: the pool items in queue order with their scores, and the new model's predicted class
/// (index into <see cref="ClassIds"/>) for each stop-set item, for the stopping signal.
/// </summary>
public sealed record QueueModelRound(
    string Strategy,
    int LabeledItems,
    IReadOnlyList<long> ClassIds,
    IReadOnlyList<long> RankedItemIds,
    IReadOnlyList<double> Scores,
    IReadOnlyList<long> StopItemIds,
    int[] StopPredictions,
    TimeSpan Duration);
