using Labelforge.Core.Agreement;
using Labelforge.Server.Features.Projects;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Agreement;

/// <summary>Agreement between a project's annotators: box agreement (F1 at IoU 0.5, mean IoU) of an image-objects project.</summary>
public static class AgreementEndpoints
{
    public static RouteGroupBuilder MapAgreement(this RouteGroupBuilder api)
    {
        api.MapGet("/projects/{projectId:long}/agreement/objects", async (long projectId, ObjectAgreementOperations ops, CancellationToken ct) =>
            TypedResults.Ok(await ops.ComputeAsync(projectId, ct)))
            .WithTags("Agreement").RequireProject().RequireAuthorization(Policies.ProjectReviewer);
        return api;
    }
}
