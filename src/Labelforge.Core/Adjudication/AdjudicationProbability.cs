namespace Labelforge.Core.Adjudication;

/// <summary>The posterior probability of one class.</summary>
public sealed record AdjudicationProbability(long LabelId, string Label, double Probability);
