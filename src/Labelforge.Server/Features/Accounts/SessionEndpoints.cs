using Labelforge.Core.Accounts;
using Labelforge.Core.Audit;
using Labelforge.Server.Features.Home;
using Labelforge.Server.Hosting;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Accounts;

/// <summary>
/// Signing in and out: by password (POST /api/session sets the session cookie), by the one-time link the server prints on
/// its first run (GET /sign-in?token=), or through OpenID Connect when configured (GET /sign-in/oidc). Health and the
/// sign-in options answer without a session; every other /api request needs one or a bearer token.
/// </summary>
public static class SessionEndpoints
{
    public static RouteGroupBuilder MapSession(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Accounts");
        group.MapGet("/health", () => TypedResults.Ok(new HealthStatus("ok"))).AllowAnonymous();
        group.MapGet("/sign-in-options", (ServerOptions options) =>
            TypedResults.Ok(new SignInOptions(true, options.OpenIdConnect?.DisplayName))).AllowAnonymous();
        group.MapPost("/session", SignIn).AllowAnonymous();
        group.MapGet("/session", async (HttpContext http, AccountOperations accounts, IAntiforgery antiforgery, CancellationToken ct) =>
            TypedResults.Ok(Info(await CurrentAsync(http, accounts, ct), http, antiforgery))).RequireAuthorization(Policies.SignedIn);
        group.MapDelete("/session", async (HttpContext http) =>
        {
            await http.SignOutAsync(AuthSchemes.Cookie);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.SignedIn);
        group.MapPut("/session/password", SetPassword).RequireAuthorization(Policies.SignedIn);
        return api;
    }

    /// <summary>The one-time link and the OpenID Connect start, outside /api because a browser navigates to them.</summary>
    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder app, ServerOptions options)
    {
        app.MapGet("/sign-in", async (string? token, TokenOperations tokens, AuditLog audit, HttpContext http, CancellationToken ct) =>
        {
            if (token is null)
                return SignInPage.Show(options);
            var user = await tokens.RedeemSignInLinkAsync(token, ct);
            if (user is null)
            {
                await audit.WriteAsAsync(AuditActor.System, AuditActions.SignInFailed, details: new { method = "link", address = Address(http) }, ct: ct);
                return TypedResults.Redirect("/sign-in?link=invalid");
            }
            await http.SignInAsync(AuthSchemes.Cookie, UserPrincipal.Create(user, AuthSchemes.Cookie));
            await audit.WriteAsAsync(user.Name, AuditActions.SignIn, details: new { method = "link", address = Address(http) }, ct: ct);
            return TypedResults.Redirect("/");
        }).AllowAnonymous().ExcludeFromDescription();
        if (options.OpenIdConnect is not null)
        {
            app.MapGet("/sign-in/oidc", () => TypedResults.Challenge(new AuthenticationProperties { RedirectUri = "/" }, [AuthSchemes.OpenIdConnect]))
                .AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>200 with the session, 401 for a wrong name or password, 429 (Retry-After) past the attempts allowed per address and name (<see cref="SignInRateLimits"/>).</summary>
    private static async Task<Results<Ok<SessionInfo>, ProblemHttpResult>> SignIn(SignInRequest body, HttpContext http, AccountOperations accounts,
        IAntiforgery antiforgery, SignInRateLimits limits, AuditLog audit, CancellationToken ct)
    {
        var name = body.Name?.Trim() ?? "";
        if (limits.Refuse(http, name) is { } refused)
            return refused;
        var user = await accounts.CheckPasswordAsync(name, body.Password ?? "", ct);
        if (user is null)
        {
            // The name as typed (cut to a user name's length), never the password.
            await audit.WriteAsAsync(name.Length > 100 ? name[..100] : name, AuditActions.SignInFailed, details: new { method = "password", address = Address(http) }, ct: ct);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: "Wrong user name or password.");
        }
        await SignInCookieAsync(http, user);
        await audit.WriteAsAsync(user.Name, AuditActions.SignIn, details: new { method = "password", address = Address(http) }, ct: ct);
        return TypedResults.Ok(Info(user, http, antiforgery));
    }

    private static async Task<Ok<SessionInfo>> SetPassword(PasswordRequest body, HttpContext http, AccountOperations accounts, IAntiforgery antiforgery, CancellationToken ct)
    {
        var user = await accounts.SetPasswordAsync(http.User.UserName(), body.Password ?? "", ct);
        // The new security stamp ends every other session; this one gets a fresh cookie.
        if (http.User.Identity?.AuthenticationType == AuthSchemes.Cookie)
            await SignInCookieAsync(http, user);
        return TypedResults.Ok(Info(user, http, antiforgery));
    }

    private static async Task SignInCookieAsync(HttpContext http, User user)
    {
        var principal = UserPrincipal.Create(user, AuthSchemes.Cookie);
        await http.SignInAsync(AuthSchemes.Cookie, principal);
        http.User = principal; // the antiforgery token is bound to the user it is made for
    }

    private static async Task<User> CurrentAsync(HttpContext http, AccountOperations accounts, CancellationToken ct) =>
        await accounts.FindAsync(http.User.UserId()!.Value, ct) ?? throw new ForbiddenException("The signed-in user no longer exists.");

    private static string? Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString();

    private static SessionInfo Info(User user, HttpContext http, IAntiforgery antiforgery) =>
        new(user.Name, RoleNames.Of(user.Role), user.PasswordHash is not null, antiforgery.GetAndStoreTokens(http).RequestToken!);
}
