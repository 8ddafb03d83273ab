namespace Labelforge.Core.Models;

/// <summary>A model's answer for one item: the predicted label, its probability, and the probability of every label id.</summary>
public sealed record ModelPrediction(long ItemId, long LabelId, double Confidence, IReadOnlyDictionary<long, double> Probabilities);
