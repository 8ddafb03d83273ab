namespace Labelforge.Core.LabelErrors;

/// <summary>
/// A reviewer's decision on a suspected label error: <see cref="AnnotationId"/> is the given label under review;
/// <see cref="LabelIds"/> null keeps it, otherwise they are the corrected labels. <see cref="RequestId"/> makes retries idempotent.
/// </summary>
public sealed record LabelReview(long ItemId, long AnnotationId, string Reviewer, IReadOnlyList<long>? LabelIds = null, string? RequestId = null);
