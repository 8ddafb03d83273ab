using Labelforge.Core.Erasure;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Erasure;

/// <summary>Erasing items (managers and admins): preview, erase, list the tombstones.</summary>
public static class ErasureEndpoints
{
    public static RouteGroupBuilder MapErasure(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/erasures").WithTags("Erasure").RequireProject().RequireAuthorization(Policies.ProjectManager);
        group.MapPost("/", async (long projectId, EraseBody body, ErasureOperations erasure, CancellationToken ct) =>
        {
            var request = new EraseRequest(body.ExternalId, body.Search, body.Reason);
            return TypedResults.Ok(body.DryRun == true ? await erasure.PreviewAsync(projectId, request, ct) : await erasure.EraseAsync(projectId, request, ct));
        });
        group.MapGet("/", async (long projectId, ErasureOperations erasure, CancellationToken ct) =>
            TypedResults.Ok(await erasure.ListAsync(projectId, ct)));
        return api;
    }
}
