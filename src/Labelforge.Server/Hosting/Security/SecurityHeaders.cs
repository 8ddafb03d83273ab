using Microsoft.AspNetCore.Http;

namespace Labelforge.Server.Hosting.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that runs only the server's own scripts (no inline script,
/// no eval) and lets no other site frame the pages, no MIME sniffing, and no referrer sent off the instance (a
/// sign-in link's token is in a URL). Styles may be inline: the UI sets widths and colours on elements.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        // Set when the response starts, so an error page (the exception handler clears the headers) gets them too.
        http.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, http.Response);
        return next(http);
    }
}
