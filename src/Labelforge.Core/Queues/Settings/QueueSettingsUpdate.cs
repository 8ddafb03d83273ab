namespace Labelforge.Core.Queues.Settings;

/// <summary>A change to a project's queue settings; null fields keep their current value.</summary>
public sealed record QueueSettingsUpdate(string? Strategy = null, int? RetrainEvery = null, int? BatchSize = null, long? Seed = null);
