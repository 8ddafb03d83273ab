namespace Labelforge.Server.Features.Queues;

/// <summary>
/// Body of PUT queue/settings; fields left out keep their value. Overlap: <c>overlap_mode</c> fixed with <c>overlap</c>
/// K, or adaptive with <c>min_overlap</c>, <c>max_overlap</c>, <c>target_confidence</c>; <c>gold_rate</c> in [0, 1].
/// </summary>
public sealed record QueueSettingsRequest(string? Strategy, int? RetrainEvery, int? BatchSize, long? Seed,
    string? OverlapMode = null, int? Overlap = null, int? MinOverlap = null, int? MaxOverlap = null, double? TargetConfidence = null, double? GoldRate = null);
