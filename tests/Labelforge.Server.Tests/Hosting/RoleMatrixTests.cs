using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Labelforge.Core.Accounts;
using Labelforge.Server.Hosting.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Hosting;

/// <summary>
/// Every API endpoint, as every role: anonymous, a member of no project, the project's annotator, reviewer and manager,
/// and an admin. The endpoints come from the server's endpoint data source (and must match the OpenAPI document), so
/// an endpoint added without an entry in <see cref="Required"/> fails here; each entry says the least role the
/// endpoint admits, and the test checks both the policy the endpoint carries and what each role is answered.
/// </summary>
public class RoleMatrixTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private enum Level { Anonymous, SignedIn, Admin, Annotator, Reviewer, Manager }

    private enum Caller { Anonymous, Outsider, Annotator, Reviewer, Manager, Admin }

    private static readonly Dictionary<string, Level> Required = new()
    {
        ["GET /api/health"] = Level.Anonymous,
        ["GET /api/sign-in-options"] = Level.Anonymous,
        ["POST /api/session"] = Level.Anonymous,
        ["GET /api/session"] = Level.SignedIn,
        ["DELETE /api/session"] = Level.SignedIn,
        ["PUT /api/session/password"] = Level.SignedIn,
        ["GET /api/users/"] = Level.Admin,
        ["POST /api/users/"] = Level.Admin,
        ["PUT /api/users/{name}/role"] = Level.Admin,
        ["GET /api/tokens/"] = Level.SignedIn,
        ["POST /api/tokens/"] = Level.SignedIn,
        ["DELETE /api/tokens/{tokenId:long}"] = Level.SignedIn,
        ["GET /api/projects/"] = Level.SignedIn,
        ["POST /api/projects/"] = Level.Admin,
        ["GET /api/projects/{projectId:long}"] = Level.Annotator,
        ["DELETE /api/projects/{projectId:long}"] = Level.Manager,
        ["PUT /api/projects/{projectId:long}/guidelines"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/guidelines/versions"] = Level.Annotator,
        ["GET /api/projects/{projectId:long}/guidelines/versions/{version:int}"] = Level.Annotator,
        // Agreement compares annotators with each other: managers and reviewers only, annotators label blind.
        ["GET /api/projects/{projectId:long}/agreement"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/agreement/overview"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/events"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/members/"] = Level.Manager,
        ["PUT /api/projects/{projectId:long}/members/{user}"] = Level.Manager,
        ["DELETE /api/projects/{projectId:long}/members/{user}"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/labels"] = Level.Annotator,
        ["GET /api/projects/{projectId:long}/taxonomy/history"] = Level.Annotator,
        ["POST /api/projects/{projectId:long}/labels"] = Level.Manager,
        ["PATCH /api/projects/{projectId:long}/labels/{label}"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/labels/{label}/move"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/labels/{label}/deprecate"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/taxonomy/merge"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/taxonomy/split"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/items/"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/items/{itemId:long}"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/items/{itemId:long}/annotations"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/items/{itemId:long}/media"] = Level.Annotator,
        ["POST /api/projects/{projectId:long}/annotations"] = Level.Annotator,
        ["POST /api/projects/{projectId:long}/import"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/gold"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/gold"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/export"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/pii/"] = Level.Manager,
        ["PUT /api/projects/{projectId:long}/pii/"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/pii/report"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/pii/preview"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/queue/next"] = Level.Annotator,
        ["POST /api/projects/{projectId:long}/queue/renew"] = Level.Annotator,
        ["POST /api/projects/{projectId:long}/queue/release"] = Level.Annotator,
        ["POST /api/projects/{projectId:long}/queue/skip"] = Level.Annotator,
        ["DELETE /api/projects/{projectId:long}/queue/skips"] = Level.Annotator,
        ["GET /api/projects/{projectId:long}/queue/progress"] = Level.Annotator,
        ["GET /api/projects/{projectId:long}/queue/settings"] = Level.Annotator,
        ["GET /api/projects/{projectId:long}/queue/status"] = Level.Annotator,
        ["PUT /api/projects/{projectId:long}/queue/settings"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/queue/retrain"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/counts"] = Level.Annotator,
        ["GET /api/projects/{projectId:long}/agreement/objects"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/agreement/spans"] = Level.Reviewer,
        ["POST /api/projects/{projectId:long}/consensus/objects"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/consensus/spans"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/lf-sets/"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/lf-sets/{set}"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/lf-sets/{set}/versions/{version:int}"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/lf-sets/{set}/versions"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/lf-sets/{set}/apply"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/lf-sets/{set}/spans"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/lf-sets/{set}/analysis"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/lf-sets/{set}/functions/{function}/items"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/lf-sets/{set}/fit"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/labeling-function-sets/"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/labeling-function-sets/{set}"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/labeling-function-sets/{set}/versions/{version:int}"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/labeling-function-sets/{set}/versions"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/labeling-function-sets/{set}/apply"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/labeling-function-sets/{set}/spans"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/labeling-function-sets/{set}/analysis"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/labeling-function-sets/{set}/functions/{function}/items"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/labeling-function-sets/{set}/fit"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/acceptance"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/consensus/"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/consensus/"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/consensus/settings"] = Level.Reviewer,
        ["PUT /api/projects/{projectId:long}/consensus/settings"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/annotators"] = Level.Reviewer,
        ["POST /api/projects/{projectId:long}/label-errors/run"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/label-errors/"] = Level.Reviewer,
        ["POST /api/projects/{projectId:long}/label-errors/reviews"] = Level.Reviewer,
        // Adjudication shows every annotator's label and quality: reviewers, managers and admins decide; annotators label blind.
        ["GET /api/projects/{projectId:long}/adjudication/"] = Level.Reviewer,
        ["POST /api/projects/{projectId:long}/adjudication/decisions"] = Level.Reviewer,
        ["GET /api/projects/{projectId:long}/models/"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/models/train"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/models/predict"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/models/auto-accept"] = Level.Manager,
        ["POST /api/projects/{projectId:long}/erasures/"] = Level.Manager,
        ["GET /api/projects/{projectId:long}/erasures/"] = Level.Manager,
        ["GET /api/audit-log"] = Level.Admin,
    };

    private static readonly Dictionary<Level, string?> PolicyOf = new()
    {
        [Level.Anonymous] = null, [Level.SignedIn] = Policies.SignedIn, [Level.Admin] = Policies.Admin,
        [Level.Annotator] = Policies.ProjectAnnotator, [Level.Reviewer] = Policies.ProjectReviewer, [Level.Manager] = Policies.ProjectManager,
    };

    private sealed record Endpoint(string Method, string Pattern, RouteEndpoint Route)
    {
        public string Key => $"{Method} {Pattern}";
    }

    private static List<Endpoint> ApiEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => new Endpoint(m, e.RoutePattern.RawText!, e)))
            .ToList();

    [Fact]
    public async Task Every_endpoint_has_a_decided_role_and_carries_its_policy()
    {
        await using var s = await TestServer.StartAsync();
        var endpoints = ApiEndpoints(s.Services);
        var undecided = endpoints.Select(e => e.Key).Where(k => !Required.ContainsKey(k)).ToList();
        Assert.True(undecided.Count == 0, "Endpoints with no entry in RoleMatrixTests.Required (decide who may call them): " + string.Join(", ", undecided));
        Assert.Empty(Required.Keys.Except(endpoints.Select(e => e.Key)));
        foreach (var endpoint in endpoints)
        {
            var level = Required[endpoint.Key];
            var anonymous = endpoint.Route.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(anonymous == (level == Level.Anonymous), $"{endpoint.Key}: AllowAnonymous is {anonymous}");
            if (PolicyOf[level] is { } policy)
                Assert.Contains(policy, endpoint.Route.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        }

        // The OpenAPI document lists the same operations.
        var document = await s.GetAsync("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name.TrimEnd('/')}")).ToHashSet();
        // The former paths kept for old clients (e.g. lf-sets) are routed and authorized but left out of the document.
        var routed = endpoints.Where(e => e.Route.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true }).Select(e => $"{e.Method} {System.Text.RegularExpressions.Regex.Replace(e.Pattern, ":[a-z]+}", "}").TrimEnd('/')}").ToHashSet();
        Assert.Equal(routed.Order(), documented.Order());
    }

    [Fact]
    public async Task Each_role_is_allowed_or_refused_at_every_endpoint()
    {
        await using var s = await TestServer.StartAsync();
        var project = await ProjectAsync(s, "matrix");
        var callers = await CallersAsync(s, project);
        var endpoints = ApiEndpoints(s.Services);
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var (caller, client) in callers)
            {
                // A delete gets a project of its own, so it takes nothing away from the checks after it.
                var target = endpoint.Method == "DELETE" ? await ProjectAsync(s, $"del-{Guid.NewGuid():N}") : project;
                using var response = await SendAsync(client, endpoint, target);
                var expected = Expected(Required[endpoint.Key], caller);
                var actual = await OutcomeAsync(response, target.Id);
                if (expected != actual)
                    failures.Add($"{endpoint.Key} as {caller}: expected {expected}, got {actual} ({(int)response.StatusCode})");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private static string Expected(Level level, Caller caller) => (level, caller) switch
    {
        (Level.Anonymous, _) or (_, Caller.Admin) => "allowed",
        (_, Caller.Anonymous) => "401",
        (Level.SignedIn, _) => "allowed",
        (Level.Admin, _) => "403",
        (_, Caller.Outsider) => "404",
        _ => (int)caller - (int)Caller.Annotator >= (int)level - (int)Level.Annotator ? "allowed" : "403",
    };

    private static async Task<string> OutcomeAsync(HttpResponseMessage response, long projectId)
    {
        var status = (int)response.StatusCode;
        if (status is 401 or 403)
            return status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (status == 404 && (await response.Content.ReadAsStringAsync(Ct)).Contains($"No project with id {projectId}.", StringComparison.Ordinal))
            return "404";
        return "allowed";
    }

    private sealed record TestProject(long Id, long ItemId);

    private static async Task<TestProject> ProjectAsync(TestServer s, string name)
    {
        var id = (await s.PostAsync("/api/projects", new { name, labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        using var body = new StringContent("{\"text\":\"one\",\"id\":\"a\"}\n{\"text\":\"two\",\"id\":\"b\"}\n", Encoding.UTF8, "application/x-ndjson");
        (await s.Client.PostAsync($"/api/projects/{id}/import?filename=i.jsonl&id_field=id", body, Ct)).EnsureSuccessStatusCode();
        var item = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items")[0].GetProperty("id").GetInt64();
        foreach (var (user, role) in new[] { ("annotator1", ProjectRole.Annotator), ("reviewer1", ProjectRole.Reviewer), ("manager1", ProjectRole.Manager) })
        {
            await TestAccounts.TokenAsync(s.Server, user, InstanceRole.Member);
            await TestAccounts.JoinAsync(s.Server, id, user, role);
        }
        return new TestProject(id, item);
    }

    private static async Task<List<(Caller, HttpClient)>> CallersAsync(TestServer s, TestProject project)
    {
        var result = new List<(Caller, HttpClient)> { (Caller.Anonymous, Client(s, null)) };
        foreach (var (caller, user, role) in new[]
                 {
                     (Caller.Outsider, "outsider", InstanceRole.Member), (Caller.Annotator, "annotator1", InstanceRole.Member),
                     (Caller.Reviewer, "reviewer1", InstanceRole.Member), (Caller.Manager, "manager1", InstanceRole.Member),
                     (Caller.Admin, "admin", InstanceRole.Admin),
                 })
            result.Add((caller, Client(s, await TestAccounts.TokenAsync(s.Server, user, role))));
        await TestAccounts.TokenAsync(s.Server, "signer", InstanceRole.Member, password: "signer password");
        return result;
    }

    // No cookie jar: a sign-in must not turn the next request into a cookie-authenticated one.
    private static HttpClient Client(TestServer s, string? token)
    {
        var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = s.Server.Address };
        if (token is not null)
            TestAccounts.SignIn(client, token);
        return client;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Endpoint endpoint, TestProject project)
    {
        var url = endpoint.Pattern
            .Replace("{projectId:long}", project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{itemId:long}", project.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{tokenId:long}", "999999", StringComparison.Ordinal)
            .Replace("{version:int}", "1", StringComparison.Ordinal)
            .Replace("{user}", "nobody", StringComparison.Ordinal)
            .Replace("{name}", "nobody", StringComparison.Ordinal)
            .Replace("{label}", "ham", StringComparison.Ordinal)
            .Replace("{set}", "default", StringComparison.Ordinal)
            .Replace("{function}", "f", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), url);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // Sign-in with a real password, so "allowed" is a 200 and not the wrong-password 401; else an empty body.
            object body = endpoint.Key == "POST /api/session" ? new { name = "signer", password = "signer password" } : new { };
            request.Content = JsonContent.Create(body, options: new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        return client.SendAsync(request, Ct);
    }
}
