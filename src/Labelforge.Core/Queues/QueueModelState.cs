namespace Labelforge.Core.Queues;

/// <summary>
/// The active-learning model behind a project's queue (table <c>queue_model_states</c>): when it was last retrained
/// and on how many labels, how long that took, and the stopping signal's history (the fixed stop set, the latest
/// model's predictions on it, and Cohen's kappa between each pair of successive models).
/// </summary>
public sealed class QueueModelState
{
    public long ProjectId { get; set; }

    /// <summary>Strategy the stored ranking was made with; a settings change makes a rerank due.</summary>
    public string? Strategy { get; set; }

    /// <summary>Retrains that produced a model.</summary>
    public int RetrainCount { get; set; }

    /// <summary>Labeled items at the last attempt (with or without a model), for the every-N trigger.</summary>
    public int LabelsAtLastRetrain { get; set; }

    public DateTimeOffset? LastRetrainAt { get; set; }

    public long LastDurationMs { get; set; }

    /// <summary>Why the last attempt gave no model (too few labels or classes); null when it did.</summary>
    public string? Note { get; set; }

    /// <summary>Items ranked by the current model.</summary>
    public int RankedItems { get; set; }

    /// <summary>JSON array of the label ids the model's classes stand for; a taxonomy change restarts the kappa history.</summary>
    public string ClassIdsJson { get; set; } = "[]";

    /// <summary>JSON array of the stop set's item ids, drawn once with the seed.</summary>
    public string StopItemIdsJson { get; set; } = "[]";

    /// <summary>JSON array: the latest model's class index for each stop-set item.</summary>
    public string StopPredictionsJson { get; set; } = "[]";

    /// <summary>JSON array: kappa between each pair of successive models on the stop set.</summary>
    public string KappasJson { get; set; } = "[]";
}
