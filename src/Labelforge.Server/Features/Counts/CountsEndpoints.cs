using Labelforge.Core.Counts;
using Labelforge.Server.Features.Projects;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Labelforge.Server.Hosting.Security;

namespace Labelforge.Server.Features.Counts;

/// <summary>A project's maintained counts: totals, items per label and items per annotator (index reads, not scans).</summary>
public static class CountsEndpoints
{
    public static RouteGroupBuilder MapCounts(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/counts", async (long projectId, CountsOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ReadAsync(projectId, ct)))
            .WithTags("Counts").RequireProject().RequireAuthorization(Policies.ProjectAnnotator);
        return api;
    }
}
