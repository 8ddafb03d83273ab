namespace Labelforge.Server.Features.Adjudication;

/// <summary>
/// Body of POST adjudication/decisions: the item, its label (<c>label_ids</c> with one id), optionally the reviewer (must be
/// the signed-in user), a request id for safe retries and the time spent.
/// </summary>
public sealed record AdjudicationDecisionRequest(long ItemId, IReadOnlyList<long>? LabelIds, string? Reviewer, string? RequestId, long? TimeSpentMs);
