namespace Labelforge.Core.Queues;

/// <summary>Items whose leases were extended to <see cref="ExpiresAt"/>; items not listed are no longer held.</summary>
public sealed record RenewResult(IReadOnlyList<long> Renewed, DateTimeOffset ExpiresAt);
