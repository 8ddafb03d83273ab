namespace Labelforge.Training.Queues;

/// <summary>One retrain: whether a model came out (else <see cref="Note"/> says why), its data, the ranking and the new kappa.</summary>
public sealed record QueueRetrainResult(bool ModelTrained, string? Note, int LabeledItems, int PoolItems, int RankedItems, double? Kappa, TimeSpan Duration);
