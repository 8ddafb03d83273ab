namespace Labelforge.Core.Queues.Settings;

/// <summary>
/// A change to a project's queue settings; null fields keep their current value. Overlap: <see cref="OverlapMode"/>
/// fixed with <see cref="Overlap"/> K, or adaptive with <see cref="MinOverlap"/>, <see cref="MaxOverlap"/> and
/// <see cref="TargetConfidence"/>; <see cref="GoldRate"/> is the share of gold items each annotator gets.
/// </summary>
public sealed record QueueSettingsUpdate(string? Strategy = null, int? RetrainEvery = null, int? BatchSize = null, long? Seed = null)
{
    public string? OverlapMode { get; init; }

    public int? Overlap { get; init; }

    public int? MinOverlap { get; init; }

    public int? MaxOverlap { get; init; }

    public double? TargetConfidence { get; init; }

    public double? GoldRate { get; init; }
}
