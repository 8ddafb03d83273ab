using System.Security.Claims;
using Labelforge.Core.Accounts;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Features.Accounts;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Annotations;

/// <summary>
/// Submitting answers 201 once the annotation is committed to disk; a retry by the same author with the same
/// request_id answers 200 with the stored annotation, so clients can resend safely after a timeout. A request id is
/// the author's own key: another author using the same id makes a new annotation and never sees the first.
/// </summary>
public static class AnnotationEndpoints
{
    public static RouteGroupBuilder MapAnnotations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}").WithTags("Annotations").RequireProject();
        group.MapPost("/annotations", Submit).RequireAuthorization(Policies.ProjectAnnotator);
        group.MapGet("/items/{itemId:long}/annotations", async (long projectId, long itemId, AnnotationOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.HistoryAsync(projectId, itemId, ct))).RequireAuthorization(Policies.ProjectReviewer);
        return api;
    }

    private static async Task<IResult> Submit(long projectId, SubmitAnnotationRequest body, HttpContext http, AnnotationOperations ops, CancellationToken ct)
    {
        var kind = AnnotationKind.Human;
        if (body.Kind is not null && !AnnotationKinds.TryParse(body.Kind, out kind))
            throw LabelforgeException.Invalid($"Unknown kind '{body.Kind}'; use human, model, programmatic, import, model-accepted, consensus or review.");
        var author = AuthorOf(http, kind, body.Author);
        var result = await ops.SubmitAsync(projectId, new NewAnnotation(body.ItemId, author, kind, body.LabelIds, body.Labels,
            body.Confidence, body.Probabilities, body.TimeSpentMs, body.SupersedesId, body.RequestId, body.SuggestionAnnotationId,
            body.Spans?.Select(s => new NewSpan(s.Start, s.End, s.LabelId, s.Label)).ToList(),
            body.Objects?.Select((o, i) => o.ToNew(i)).ToList()), ct);
        return result.Created
            ? TypedResults.Created($"/api/projects/{projectId}/items/{body.ItemId}/annotations", result.Annotation)
            : TypedResults.Ok(result.Annotation);
    }

    /// <summary>
    /// A person's annotation (human, or review for reviewers) is authored by the signed-in user; one from a source
    /// (model, labeling functions, import, consensus) names that source, which only managers may write.
    /// </summary>
    private static string AuthorOf(HttpContext http, AnnotationKind kind, string? author)
    {
        switch (kind)
        {
            case AnnotationKind.Human:
                return SignedInUser.Name(http.User, author, "author");
            case AnnotationKind.Review:
                ProjectAccess.Require(http, ProjectRole.Reviewer, "A review");
                return SignedInUser.Name(http.User, author, "author");
            default:
                ProjectAccess.Require(http, ProjectRole.Manager, $"An annotation of kind {kind.ToWire()}");
                if (author is null || !author.Contains(':', StringComparison.Ordinal))
                    throw LabelforgeException.Invalid($"An annotation of kind {kind.ToWire()} names its source as author, e.g. model:NAME@VERSION.");
                return author;
        }
    }
}
