namespace Labelforge.Server.Features.LabelErrors;

/// <summary>
/// Body of POST label-errors/reviews: the item, the given annotation under review, the reviewer, and either
/// <c>label_ids</c> (a fix) or none (keep the given label).
/// </summary>
public sealed record LabelReviewRequest(long ItemId, long AnnotationId, string? Reviewer, IReadOnlyList<long>? LabelIds, string? RequestId);
