using Labelforge.Core.Accounts;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Accounts;

/// <summary>The signed-in user's personal API tokens: create (the secret is in this one answer), list, revoke.</summary>
public static class TokenEndpoints
{
    public static RouteGroupBuilder MapTokens(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tokens").WithTags("Accounts").RequireAuthorization(Policies.SignedIn);
        group.MapGet("/", async (HttpContext http, AccountOperations accounts, TokenOperations tokens, CancellationToken ct) =>
            TypedResults.Ok(await tokens.ListAsync(await accounts.GetAsync(http.User.UserName(), ct), ct)));
        group.MapPost("/", async (CreateTokenRequest body, HttpContext http, TokenOperations tokens, CancellationToken ct) =>
        {
            var made = await tokens.CreateAsync(http.User.UserName(), body.Name ?? "api", body.ExpiresDays is { } days ? TimeSpan.FromDays(days) : null, ct);
            return TypedResults.Created($"/api/tokens/{made.Token.Id}", new CreatedToken(made.Secret, made.Token));
        });
        group.MapDelete("/{tokenId:long}", async (long tokenId, HttpContext http, AccountOperations accounts, TokenOperations tokens, CancellationToken ct) =>
            TypedResults.Ok(await tokens.RevokeAsync(await accounts.GetAsync(http.User.UserName(), ct), tokenId, ct)));
        return api;
    }
}
