namespace Labelforge.Server.Features.Queues;

/// <summary>Body of PUT queue/settings; fields left out keep their value.</summary>
public sealed record QueueSettingsRequest(string? Strategy, int? RetrainEvery, int? BatchSize, long? Seed);
