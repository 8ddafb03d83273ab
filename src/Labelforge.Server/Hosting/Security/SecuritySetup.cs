using Labelforge.Core.Accounts;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Hosting.Security;

/// <summary>Authentication (session cookie, bearer tokens, optional OpenID Connect), the policies, and the CSRF check.</summary>
internal static class SecuritySetup
{
    public static void AddLabelforgeSecurity(this IServiceCollection services, ServerOptions options)
    {
        // Session cookies are encrypted with keys kept beside the database, so sessions survive a restart.
        services.AddDataProtection().SetApplicationName("labelforge")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(options.DbPath) + "-keys"));
        var auth = services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, "Session cookie or bearer token", o => o.ForwardDefaultSelector = http =>
                BearerTokenHandler.HasBearer(http.Request.Headers.Authorization) ? AuthSchemes.Bearer : AuthSchemes.Cookie)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.SessionCookie;
                o.Cookie.HttpOnly = true;
                o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = SignInFirst;
                o.Events.OnRedirectToAccessDenied = c => Status(c, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = SessionValidation.ValidateAsync;
            });
        if (options.OpenIdConnect is { } oidc)
        {
            auth.AddOpenIdConnect(AuthSchemes.OpenIdConnect, oidc.DisplayName, o =>
            {
                o.Authority = oidc.Authority;
                o.ClientId = oidc.ClientId;
                o.ClientSecret = oidc.ClientSecret;
                o.ResponseType = "code";
                o.SignInScheme = AuthSchemes.Cookie;
                o.CallbackPath = "/sign-in/oidc/callback";
                o.Scope.Add("email");
                o.Events.OnTokenValidated = OpenIdConnectUsers.MapAsync;
            });
        }
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfCheck.HeaderName;
            o.Cookie.Name = "lf-csrf";
            // Not a credential (it only pairs with the header token), and antiforgery refuses Always on plain HTTP.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddHostFiltering(o => o.AllowedHosts = [.. AllowedHosts.For(options)]);
        services.AddAuthorization(Policies.Add);
        services.AddScoped<IAuthorizationHandler, ProjectRoleHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AuthorizationResults>();
        services.AddSingleton<SignInRateLimits>();
        services.AddScoped<AccountOperations>();
        services.AddScoped<TokenOperations>();
        services.AddScoped<MembershipOperations>();
    }

    public static void UseLabelforgeSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseHostFiltering();
        app.UseAuthentication();
        // The audit log's actor for the request: the signed-in user, once authentication knows them.
        app.Use((http, next) =>
        {
            if (http.User.Identity is { IsAuthenticated: true, Name: { } name })
                http.RequestServices.GetRequiredService<Core.Audit.AuditActor>().Name = name;
            return next(http);
        });
        app.UseMiddleware<CsrfCheck>();
        app.UseAuthorization();
    }

    /// <summary>An API call without a session answers 401; a page load goes to the sign-in page.</summary>
    private static Task SignInFirst(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        else
            context.Response.Redirect("/sign-in");
        return Task.CompletedTask;
    }

    private static Task Status(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
