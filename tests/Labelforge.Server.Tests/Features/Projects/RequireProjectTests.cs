using System.Text;
using Labelforge.Core.Projects;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Features.Projects;

/// <summary>Every route under /projects/{projectId} answers the same 404 problem for a project that does not exist.</summary>
public class RequireProjectTests
{
    private const string Prefix = "/api/projects/{projectId:long}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_route_of_an_unknown_project_answers_the_not_found_problem()
    {
        await using var s = await TestServer.StartAsync();
        await s.PostAsync("/api/projects", new { name = "known", labels = new[] { "a", "b" } });
        var routes = s.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(Prefix, StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .ToList();
        // Every feature group is there (a new group is checked as soon as it is mapped).
        Assert.True(routes.Count >= 40, $"only {routes.Count} project routes found");
        foreach (var (method, endpoint) in routes)
        {
            var url = Url(endpoint);
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (method is "POST" or "PUT" or "PATCH")
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            using var response = await s.Client.SendAsync(request, Ct);
            var problem = await ProblemDetailsAssert.ProblemAsync(response, 404, "Not found", "No project with id 999.");
            Assert.True(problem.GetProperty("detail").GetString() == "No project with id 999.", $"{method} {url}: {problem}");
        }
    }

    [Fact]
    public async Task The_check_is_one_helper_whose_error_names_the_id()
    {
        await using var s = await TestServer.StartAsync();
        await using var scope = s.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Labelforge.Core.Data.LabelforgeDb>();
        var error = await Assert.ThrowsAsync<Labelforge.Core.Common.LabelforgeException>(() => RequireProject.ExistsAsync(db, 41, Ct));
        Assert.Equal((Labelforge.Core.Common.ErrorKind.NotFound, "No project with id 41."), (error.Kind, error.Message));
        var missing = await Assert.ThrowsAsync<Labelforge.Core.Common.LabelforgeException>(() => RequireProject.FindAsync(db.Projects, 41, Ct));
        Assert.Equal(error.Message, missing.Message);
        var id = (await s.PostAsync("/api/projects", new { name = "p" })).GetProperty("id").GetInt64();
        await RequireProject.ExistsAsync(db, id, Ct);
        Assert.Equal("p", (await RequireProject.FindAsync(db.Projects, id, Ct)).Name);
    }

    /// <summary>The route with project 999 (projects start at 1 and only one exists) and a plausible value for every other parameter.</summary>
    private static string Url(RouteEndpoint endpoint)
    {
        var text = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            text.Append('/');
            foreach (var part in segment.Parts)
            {
                text.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart { Name: "projectId" } => "999",
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart p when p.ParameterPolicies.Count > 0 => "1", // :long, :int
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "x",
                    _ => "",
                });
            }
        }
        return text.ToString();
    }
}
