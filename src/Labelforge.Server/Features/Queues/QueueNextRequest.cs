namespace Labelforge.Server.Features.Queues;

/// <summary>Body of POST queue/next: who asks, how many items, which order, and items to leave out (skipped).</summary>
public sealed record QueueNextRequest(string? Annotator, int? Count, string? Strategy, long? Seed, IReadOnlyList<long>? Exclude);
