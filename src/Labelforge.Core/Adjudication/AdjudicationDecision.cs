namespace Labelforge.Core.Adjudication;

/// <summary>
/// A reviewer's decision on an item of the adjudication queue: the item's label (<see cref="LabelIds"/>, one label).
/// <see cref="RequestId"/> makes retries idempotent; <see cref="TimeSpentMs"/> is the time the reviewer spent on it.
/// </summary>
public sealed record AdjudicationDecision(long ItemId, string Reviewer, IReadOnlyList<long> LabelIds, string? RequestId = null, long? TimeSpentMs = null);
