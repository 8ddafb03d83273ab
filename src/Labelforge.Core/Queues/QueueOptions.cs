namespace Labelforge.Core.Queues;

/// <summary>Queue settings. Defaults: a lease lasts 5 minutes; one request claims at most 50 items.</summary>
public sealed record QueueOptions
{
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromMinutes(5);

    public int MaxBatch { get; init; } = 50;
}
