using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.LabelErrors;

/// <summary>
/// Reviews of suspected label errors. Both decisions append an annotation of kind review that supersedes the given
/// label: keeping one repeats its labels (so the item is known to be checked and is not listed again), fixing one
/// carries the corrected labels. Nothing is changed in place; training reads the latest given label, i.e. the review.
/// </summary>
public sealed class LabelReviewOperations(LabelforgeDb db, TaxonomyOperations taxonomy, AnnotationOperations annotations)
{
    public const string Kept = "kept";

    public const string Fixed = "fixed";

    public async Task<LabelReviewResult> ReviewAsync(long projectId, LabelReview review, CancellationToken ct = default)
    {
        await TaskTypes.RequireClassLabelsAsync(db, projectId, "Label-error review", ct);
        ArgumentNullException.ThrowIfNull(review);
        if (string.IsNullOrWhiteSpace(review.Reviewer))
            throw LabelforgeException.Invalid("A review needs a reviewer name.");
        var given = await db.Annotations.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == review.AnnotationId && a.ProjectId == projectId && a.ItemId == review.ItemId, ct)
            ?? throw LabelforgeException.NotFound($"No annotation {review.AnnotationId} on item {review.ItemId} in project {projectId}.");
        if (!AnnotationKinds.Given.Contains(given.Kind))
            throw LabelforgeException.Invalid($"Annotation {given.Id} is of kind {given.Kind}; only human, imported or reviewed labels are reviewed.");
        var retried = review.RequestId is not null
            && await AnnotationOperations.FindByRequestAsync(db, projectId, review.Reviewer.Trim(), review.RequestId, ct) is not null;
        if (!retried && await db.Annotations.AnyAsync(a => a.ItemId == review.ItemId && AnnotationKinds.Given.Contains(a.Kind) && a.Id > given.Id, ct))
            throw LabelforgeException.Conflict($"Item {review.ItemId} was labeled again after annotation {given.Id}; refresh the list.");
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var givenLabels = JsonIds.Read(given.LabelIdsJson).Select(resolver.Resolve).Distinct().ToList();
        var labels = review.LabelIds ?? givenLabels;
        var result = await annotations.SubmitAsync(projectId, new NewAnnotation(review.ItemId, review.Reviewer, AnnotationKind.Review,
            LabelIds: labels, SupersedesId: given.Id, RequestId: review.RequestId), ct);
        var kept = result.Annotation.LabelIds.Count == givenLabels.Count && result.Annotation.LabelIds.All(givenLabels.Contains);
        return new LabelReviewResult(result.Annotation, kept ? Kept : Fixed, result.Created);
    }
}
