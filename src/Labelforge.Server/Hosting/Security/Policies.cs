using Labelforge.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// The authorization policies endpoints are mapped with: one per endpoint, never a check inside an operation.
/// Project policies read the route's `projectId`: a user who is not a member gets 404 (the project's existence is not
/// told), a member whose role is below the policy's gets 403; admins pass every project policy.
/// </summary>
public static class Policies
{
    public const string SignedIn = "signed-in";

    public const string Admin = "admin";

    public const string ProjectAnnotator = "project-annotator";

    public const string ProjectReviewer = "project-reviewer";

    public const string ProjectManager = "project-manager";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(UserPrincipal.AdminRole));
        options.AddPolicy(ProjectAnnotator, p => p.RequireAuthenticatedUser().AddRequirements(new ProjectRoleRequirement(ProjectRole.Annotator)));
        options.AddPolicy(ProjectReviewer, p => p.RequireAuthenticatedUser().AddRequirements(new ProjectRoleRequirement(ProjectRole.Reviewer)));
        options.AddPolicy(ProjectManager, p => p.RequireAuthenticatedUser().AddRequirements(new ProjectRoleRequirement(ProjectRole.Manager)));
    }
}
