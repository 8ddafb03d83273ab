using System.Text.Encodings.Web;
using Labelforge.Core.Accounts;
using Labelforge.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Labelforge.Server.Hosting.Security;

/// <summary>`Authorization: Bearer TOKEN` with a personal API token: valid, unexpired and unrevoked, it signs the request in as its user.</summary>
internal sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string Prefix = "Bearer ";

    public static bool HasBearer(string? authorization) =>
        authorization is not null && authorization.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (!HasBearer(header))
            return AuthenticateResult.NoResult();
        var user = await Context.RequestServices.GetRequiredService<TokenOperations>().AuthenticateAsync(header![Prefix.Length..].Trim(), Context.RequestAborted);
        return user is null
            ? AuthenticateResult.Fail("The token is unknown, expired or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(UserPrincipal.Create(user, AuthSchemes.Bearer), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
