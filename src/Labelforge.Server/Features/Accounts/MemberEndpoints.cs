using Labelforge.Server.Features.Projects;
using Labelforge.Core.Accounts;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Accounts;

/// <summary>A project's members and their roles; its managers (and admins) manage them.</summary>
public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMembers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{projectId:long}/members").WithTags("Accounts").RequireProject().RequireAuthorization(Policies.ProjectManager);
        group.MapGet("/", async (long projectId, MembershipOperations members, CancellationToken ct) => TypedResults.Ok(await members.ListAsync(projectId, ct)));
        group.MapPut("/{user}", async (long projectId, string user, SetMemberRequest body, MembershipOperations members, CancellationToken ct) =>
            TypedResults.Ok(await members.SetAsync(projectId, user, RoleNames.ParseProjectRole(body.Role), ct)));
        group.MapDelete("/{user}", async (long projectId, string user, MembershipOperations members, CancellationToken ct) =>
        {
            await members.RemoveAsync(projectId, user, ct);
            return TypedResults.NoContent();
        });
        return api;
    }
}
