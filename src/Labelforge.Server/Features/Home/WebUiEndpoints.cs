using Labelforge.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;

namespace Labelforge.Server.Features.Home;

/// <summary>
/// Serves the built web UI: its static files, and index.html for "/" and every client-side route under
/// /projects, /audit-log and /users, so a reload or a shared link opens the right page. /api and /openapi are untouched.
/// </summary>
public static class WebUiEndpoints
{
    public static bool HasWebUi(ServerOptions options) =>
        options.WebRoot is { } root && File.Exists(Path.Combine(root, "index.html"));

    public static WebApplication UseWebUi(this WebApplication app, ServerOptions options)
    {
        var root = Path.GetFullPath(options.WebRoot!);
        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(root) });
        var index = Path.Combine(root, "index.html");
        IResult Index() => TypedResults.PhysicalFile(index, "text/html; charset=utf-8");
        app.MapGet("/", Index).ExcludeFromDescription();
        app.MapGet("/projects/{**path}", (string? path) => Index()).ExcludeFromDescription();
        app.MapGet("/audit-log", Index).ExcludeFromDescription();
        app.MapGet("/users", Index).ExcludeFromDescription();
        return app;
    }
}
