using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// A write (any method but GET, HEAD, OPTIONS, TRACE) signed in by the session cookie must carry the antiforgery token
/// in the <see cref="HeaderName"/> header (GET /api/session hands it out), else 403: a page on another origin can make
/// the browser send the cookie, but cannot read the token. Requests with a bearer token carry no ambient credential
/// and need none.
/// </summary>
public sealed class CsrfCheck(RequestDelegate next, IAntiforgery antiforgery, IProblemDetailsService problems)
{
    public const string HeaderName = "X-CSRF-Token";

    public async Task InvokeAsync(HttpContext http)
    {
        if (NeedsToken(http))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                http.Response.StatusCode = StatusCodes.Status403Forbidden;
                await problems.WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = 403, Title = "Forbidden",
                        Detail = $"A write signed in by the session cookie needs the {HeaderName} header from GET /api/session.",
                    },
                });
                return;
            }
        }
        await next(http);
    }

    private static bool NeedsToken(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, AuthenticationType: AuthSchemes.Cookie }
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
             || HttpMethods.IsOptions(http.Request.Method) || HttpMethods.IsTrace(http.Request.Method));
}
