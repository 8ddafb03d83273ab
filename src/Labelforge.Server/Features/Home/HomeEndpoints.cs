using System.Net;
using System.Security.Claims;
using Labelforge.Core.Accounts;
using Labelforge.Core.Projects;
using Labelforge.Server.Hosting;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Labelforge.Server.Features.Home;

/// <summary>
/// The root page. Without a built web UI it says what is running and where the API is, so a newcomer
/// who opens the address sees something useful at once.
/// </summary>
public static class HomeEndpoints
{
    public static IEndpointRouteBuilder MapHome(this IEndpointRouteBuilder app, ServerOptions options)
    {
        app.MapGet("/", async (ClaimsPrincipal user, ProjectOperations projects, MembershipOperations members, CancellationToken ct) =>
        {
            var list = await projects.ListAsync(user.IsAdmin() ? null : await members.ProjectIdsAsync(user.UserId()!.Value, ct), ct);
            var rows = string.Concat(list.Select(p =>
                $"<tr><td>{p.Id}</td><td>{WebUtility.HtmlEncode(p.Name)}</td><td>{p.TaskType}{(p.MultiLabel ? " (multi-label)" : "")}</td>" +
                $"<td>{p.Labels}</td><td>{p.LabeledItems} / {p.Items}</td></tr>"));
            var html = $$"""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Labelforge</title>
                <style>body{font:15px system-ui,sans-serif;margin:2rem;max-width:60rem}td,th{padding:.3rem .8rem;text-align:left;border-bottom:1px solid #ddd}</style></head>
                <body><h1>Labelforge is running</h1><p>Signed in as {{WebUtility.HtmlEncode(user.UserName())}}.</p>
                <p>Database: <code>{{WebUtility.HtmlEncode(Path.GetFullPath(options.DbPath))}}</code>.
                REST API under <a href="/api/projects">/api/projects</a>; OpenAPI document at <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
                <h2>Projects</h2><table><tr><th>id</th><th>name</th><th>task</th><th>labels</th><th>labeled / items</th></tr>{{rows}}</table>
                </body></html>
                """;
            return TypedResults.Content(html, "text/html; charset=utf-8");
        }).RequireAuthorization(Policies.SignedIn).ExcludeFromDescription();
        return app;
    }
}
