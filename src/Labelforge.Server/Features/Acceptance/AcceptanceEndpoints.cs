using Labelforge.Core.Acceptance;
using Labelforge.Server.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Acceptance;

/// <summary>Acceptance bias: how often annotators accept model suggestions and how accurate those labels are.</summary>
public static class AcceptanceEndpoints
{
    public static RouteGroupBuilder MapAcceptance(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/acceptance", async (long projectId, [FromQuery(Name = "gold_author")] string[]? goldAuthor,
            AcceptanceOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ReportAsync(projectId, new AcceptanceOptions { GoldAuthors = goldAuthor ?? [] }, ct)))
            .WithTags("Acceptance").RequireProject().RequireAuthorization(Policies.ProjectManager);
        return api;
    }
}
