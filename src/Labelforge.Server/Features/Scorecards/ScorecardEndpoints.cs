using Labelforge.Core.Scorecards;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Scorecards;

/// <summary>Annotator scorecards of a project (reviewers and managers).</summary>
public static class ScorecardEndpoints
{
    public static RouteGroupBuilder MapScorecards(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/annotators", async (long projectId, ScorecardOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ReportAsync(projectId, ct)))
            .WithTags("Scorecards").RequireProject().RequireAuthorization(Policies.ProjectReviewer);
        return api;
    }
}
