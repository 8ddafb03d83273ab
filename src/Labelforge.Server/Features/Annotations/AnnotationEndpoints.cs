using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Server.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Annotations;

/// <summary>
/// Submitting answers 201 once the annotation is committed to disk; a retry with the same request_id
/// answers 200 with the stored annotation, so clients can resend safely after a timeout.
/// </summary>
public static class AnnotationEndpoints
{
    public static RouteGroupBuilder MapAnnotations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}").WithTags("Annotations").RequireProject();
        group.MapPost("/annotations", Submit);
        group.MapGet("/items/{itemId:long}/annotations", async (long projectId, long itemId, AnnotationOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.HistoryAsync(projectId, itemId, ct)));
        return api;
    }

    private static async Task<IResult> Submit(long projectId, SubmitAnnotationRequest body, AnnotationOperations ops, CancellationToken ct)
    {
        var kind = AnnotationKind.Human;
        if (body.Kind is not null && !AnnotationKinds.TryParse(body.Kind, out kind))
            throw LabelforgeException.Invalid($"Unknown kind '{body.Kind}'; use human, model, programmatic, import, model-accepted, consensus or review.");
        var result = await ops.SubmitAsync(projectId, new NewAnnotation(body.ItemId, body.Author ?? "", kind, body.LabelIds, body.Labels,
            body.Confidence, body.Probabilities, body.TimeSpentMs, body.SupersedesId, body.RequestId, body.SuggestionAnnotationId,
            body.Spans?.Select(s => new NewSpan(s.Start, s.End, s.LabelId, s.Label)).ToList()), ct);
        return result.Created
            ? TypedResults.Created($"/api/projects/{projectId}/items/{body.ItemId}/annotations", result.Annotation)
            : TypedResults.Ok(result.Annotation);
    }
}
