namespace Labelforge.Core.LabelingFunctions.Projects.Fitting;

/// <summary>
/// How a fitted label model rates one function: its coverage, its estimated accuracy (the mean posterior
/// probability of the label it voted, over the items it votes on) and the weight of its vote (log-odds of
/// that accuracy, see <see cref="LabelingFunctionWeights"/>); both null when it never fires.
/// </summary>
public sealed record LabelingFunctionWeight(string Name, double Coverage, double? EstimatedAccuracy, double? Weight);
