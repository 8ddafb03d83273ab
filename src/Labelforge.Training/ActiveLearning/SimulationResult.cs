namespace Labelforge.Training.ActiveLearning;

/// <summary>
/// The learning curve of one simulated run, the score of a model trained on the whole training split, and the labels
/// needed to first reach 95% and 98% of that macro-F1 (null when the run never did), and the mean and longest round
/// (retrain on the labeled items + score the unlabeled pool + pick the batch; held-out scoring not included).
/// </summary>
public sealed record SimulationResult(
    string Strategy,
    int PoolItems,
    int TestItems,
    IReadOnlyList<CurvePoint> Curve,
    CurvePoint FullData,
    int? LabelsTo95,
    int? LabelsTo98,
    double Seconds,
    double MeanRoundSeconds,
    double MaxRoundSeconds);
