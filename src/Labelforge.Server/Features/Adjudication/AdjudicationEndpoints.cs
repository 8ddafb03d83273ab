using System.Security.Claims;
using Labelforge.Core.Adjudication;
using Labelforge.Core.Privacy;
using Labelforge.Server.Features.Accounts;
using Labelforge.Server.Features.LabelErrors;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Adjudication;

/// <summary>
/// The adjudication queue (reviewers, managers and admins; annotators label blind and never see it): a page of disputed
/// items with every annotator's label and quality, ordered by disagreement or by the latest label-error run; and a
/// reviewer's decision, stored as a review annotation.
/// </summary>
public static class AdjudicationEndpoints
{
    public static RouteGroupBuilder MapAdjudication(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/adjudication").WithTags("Adjudication").RequireProject()
            .RequireAuthorization(Policies.ProjectReviewer);
        group.MapGet("/", async (long projectId, [FromQuery] string? order, [FromQuery] int? page, [FromQuery(Name = "page_size")] int? pageSize,
            HttpContext http, AdjudicationOperations ops, LabelErrorRuns labelErrors, PiiOperations pii, CancellationToken ct) =>
        {
            var run = labelErrors.Latest(projectId);
            // Only a finished label-error run orders the queue; its suspects' label quality is what "label-error" sorts by.
            IReadOnlyDictionary<long, double>? quality = run.Status == LabelErrorRun.Done
                ? run.Errors.GroupBy(e => e.ItemId).ToDictionary(g => g.Key, g => g.Min(e => e.Quality))
                : null;
            var queue = await ops.QueueAsync(projectId, order, page ?? 1, pageSize ?? 20, quality, ct);
            var masker = await pii.MaskerAsync(projectId, ProjectAccess.MaySeePersonalData(http), ct);
            return TypedResults.Ok(masker.IsEmpty ? queue
                : queue with { Items = [.. queue.Items.Select(i => i with { Text = masker.Text(i.Text), ExternalId = masker.ExternalId(i.ExternalId) })] });
        });
        group.MapPost("/decisions", async Task<Results<Created<AdjudicationResult>, Ok<AdjudicationResult>>> (long projectId, AdjudicationDecisionRequest body, ClaimsPrincipal user, AdjudicationOperations ops, CancellationToken ct) =>
        {
            var result = await ops.DecideAsync(projectId, new AdjudicationDecision(body.ItemId, SignedInUser.Name(user, body.Reviewer, "reviewer"),
                body.LabelIds ?? [], body.RequestId, body.TimeSpentMs), ct);
            return result.Created
                ? TypedResults.Created($"/api/projects/{projectId}/items/{body.ItemId}/annotations", result)
                : TypedResults.Ok(result);
        });
        return api;
    }
}
