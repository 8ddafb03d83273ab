using Labelforge.Core.Guidelines;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Guidelines;

/// <summary>
/// Guideline versions: the history and any version's text (annotators read the guidelines, so they may read their
/// history too). Editing is <c>PUT /api/projects/{id}/guidelines</c> (Projects), which appends a version.
/// </summary>
public static class GuidelineEndpoints
{
    public static RouteGroupBuilder MapGuidelines(this RouteGroupBuilder api)
    {
        var read = api.MapGroup("/projects/{projectId:long}/guidelines").WithTags("Guidelines").RequireProject().RequireAuthorization(Policies.ProjectAnnotator);
        read.MapGet("/versions", async (long projectId, GuidelineOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.HistoryAsync(projectId, ct)));
        read.MapGet("/versions/{version:int}", async (long projectId, int version, GuidelineOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.GetAsync(projectId, version, ct)));
        return api;
    }
}
