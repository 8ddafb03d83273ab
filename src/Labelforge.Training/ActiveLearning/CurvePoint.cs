namespace Labelforge.Training.ActiveLearning;

/// <summary>Held-out scores of the model trained on <paramref name="Labels"/> labeled items.</summary>
public sealed record CurvePoint(int Labels, double Accuracy, double MacroF1);
