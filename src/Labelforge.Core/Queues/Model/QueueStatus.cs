namespace Labelforge.Core.Queues.Model;

/// <summary>
/// How a project's queue is ordered right now and the state of its active-learning model: retrains so far, when,
/// on how many labels and how long the last took, when the next is due, and the stopping signal (Cohen's kappa between
/// successive models on the stop set; <see cref="ShouldStop"/> once it stayed high for enough rounds).
/// </summary>
public sealed record QueueStatus(
    string Strategy,
    bool ActiveLearning,
    bool ModelReady,
    string Message,
    int RetrainEvery,
    int BatchSize,
    int LabeledItems,
    int? NextRetrainAtLabels,
    int RetrainCount,
    DateTimeOffset? LastRetrainAt,
    long LastDurationMs,
    int LabelsAtLastRetrain,
    int RankedItems,
    double? Kappa,
    IReadOnlyList<double> Kappas,
    int StableRounds,
    bool ShouldStop,
    string? StopMessage,
    bool Retraining = false);
