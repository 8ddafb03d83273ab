using Labelforge.Core.Accounts;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Accounts;

/// <summary>Users of the instance; only admins manage them.</summary>
public static class UserEndpoints
{
    public static RouteGroupBuilder MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Accounts").RequireAuthorization(Policies.Admin);
        group.MapGet("/", async (AccountOperations accounts, CancellationToken ct) => TypedResults.Ok(await accounts.ListAsync(ct)));
        group.MapPost("/", async (AddUserRequest body, AccountOperations accounts, CancellationToken ct) =>
        {
            var user = await accounts.AddAsync(body.Name ?? "", RoleNames.ParseInstanceRole(body.Role ?? "member"), body.Password, ct);
            return TypedResults.Created($"/api/users/{user.Name}", UserSummary.From(user));
        });
        // A role change is audit-logged and ends the user's sessions (new security stamp); the last admin stays one.
        group.MapPut("/{name}/role", async (string name, SetUserRoleRequest body, AccountOperations accounts, CancellationToken ct) =>
            TypedResults.Ok(UserSummary.From(await accounts.SetRoleAsync(name, RoleNames.ParseInstanceRole(body.Role), ct))));
        return api;
    }
}
