using System.Globalization;
using Labelforge.Core.Accounts;
using Labelforge.Core.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Hosting.Security;

/// <summary>Checks <see cref="ProjectRoleRequirement"/> against the user's membership of the route's project.</summary>
internal sealed class ProjectRoleHandler(MembershipOperations memberships) : AuthorizationHandler<ProjectRoleRequirement>
{
    /// <summary>The failure reason of a user who is not a member: answered 404, like a project that does not exist.</summary>
    public const string NotMember = "not a member of the project";

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ProjectRoleRequirement requirement)
    {
        if (context.Resource is not HttpContext http || context.User.UserId() is not { } userId)
            return;
        if (!long.TryParse(http.GetRouteValue("projectId") as string, CultureInfo.InvariantCulture, out var projectId))
        {
            context.Fail(new AuthorizationFailureReason(this, "the endpoint has no project"));
            return;
        }
        var access = ProjectAccess.Of(http);
        if (access is null)
        {
            var role = context.User.IsAdmin() ? ProjectRole.Manager : await memberships.RoleAsync(projectId, userId, http.RequestAborted);
            if (role is null)
            {
                context.Fail(new AuthorizationFailureReason(this, NotMember));
                return;
            }
            ProjectAccess.Set(http, access = new ProjectAccess(projectId, role.Value));
        }
        if (access.Role >= requirement.Role)
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, $"needs the {RoleNames.Of(requirement.Role)} role"));
    }
}
