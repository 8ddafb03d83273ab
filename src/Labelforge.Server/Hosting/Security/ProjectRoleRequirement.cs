using Labelforge.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Labelforge.Server.Hosting.Security;

/// <summary>The signed-in user holds at least <see cref="Role"/> in the route's project (admins hold every role).</summary>
public sealed record ProjectRoleRequirement(ProjectRole Role) : IAuthorizationRequirement;
