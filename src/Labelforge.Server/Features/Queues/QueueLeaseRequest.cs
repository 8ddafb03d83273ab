namespace Labelforge.Server.Features.Queues;

/// <summary>Body of POST queue/renew and queue/release: the annotator and the items it holds.</summary>
public sealed record QueueLeaseRequest(string? Annotator, IReadOnlyList<long>? ItemIds);
