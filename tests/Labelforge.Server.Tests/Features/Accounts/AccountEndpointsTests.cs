using System.Net;
using System.Net.Http.Json;
using System.Text;
using Labelforge.Core.Accounts;
using Labelforge.Server.Hosting;
using Labelforge.Server.Hosting.Security;
using Labelforge.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Labelforge.Server.Tests.Features.Accounts;

public class AccountEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static HttpClient Bare(TestServer s) => new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = s.Server.Address };

    private static async Task<long> ProjectAsync(TestServer s, string name = "p")
    {
        var id = (await s.PostAsync("/api/projects", new { name, labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        using var body = new StringContent("{\"text\":\"one\",\"id\":\"a\"}\n", Encoding.UTF8, "application/x-ndjson");
        (await s.Client.PostAsync($"/api/projects/{id}/import?filename=i.jsonl&id_field=id", body, Ct)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Without_a_session_or_token_the_api_answers_401_except_sign_in_and_health()
    {
        await using var s = await TestServer.StartAsync();
        using var anonymous = Bare(s);
        using (var projects = await anonymous.GetAsync("/api/projects", Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, projects.StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "lf_not-a-token");
        using (var forged = await anonymous.GetAsync("/api/projects", Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = null;
        using (var health = await anonymous.GetAsync("/api/health", Ct))
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using (var page = await anonymous.GetAsync("/", Ct))
            Assert.Equal(("/sign-in", HttpStatusCode.Redirect), (page.Headers.Location?.OriginalString, page.StatusCode));
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_no_cors_grant()
    {
        await using var s = await TestServer.StartAsync();
        using var anonymous = Bare(s);
        foreach (var url in new[] { "/api/health", "/api/projects", "/sign-in", "/api/projects/1/nothing" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("Origin", "http://evil.example");
            using var response = await anonymous.SendAsync(request, Ct);
            Assert.Equal(SecurityHeaders.Policy, string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
            Assert.Contains("script-src 'self';", SecurityHeaders.Policy, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", SecurityHeaders.Policy, StringComparison.Ordinal);
            Assert.Equal(("nosniff", "DENY", "no-referrer"), (response.Headers.GetValues("X-Content-Type-Options").Single(),
                response.Headers.GetValues("X-Frame-Options").Single(), response.Headers.GetValues("Referrer-Policy").Single()));
            Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"), url);
        }
    }

    [Fact]
    public async Task A_request_for_another_host_name_is_refused()
    {
        await using var s = await TestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/projects");
        request.Headers.Host = "rebound.example:" + s.Server.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var response = await s.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await s.Client.GetAsync("/api/projects", Ct)).StatusCode);
        Assert.Equal(["*"], AllowedHosts.For(new ServerOptions { Host = "0.0.0.0" }));
        Assert.Equal(["labels.example.org", "localhost", "127.0.0.1", "[::1]"], AllowedHosts.For(new ServerOptions { Host = "0.0.0.0", AllowedHosts = ["labels.example.org"] }));
    }

    [Fact]
    public async Task The_author_of_a_human_label_is_the_signed_in_user_and_sources_need_a_manager()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectAsync(s);
        var item = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var ann = await s.AsAsync("ann", InstanceRole.Member);
        await TestAccounts.JoinAsync(s.Server, id, "ann", ProjectRole.Annotator);

        var made = await ann.PostAsync($"/api/projects/{id}/annotations", new { item_id = item, labels = new[] { "spam" } });
        Assert.Equal("ann", made.GetProperty("author").GetString());
        await ann.PostProblemAsync($"/api/projects/{id}/annotations", new { item_id = item, author = "bob", labels = new[] { "ham" } }, 400, "Invalid request",
            "The author is the signed-in user, 'ann'; leave author out or send 'ann', not 'bob'.");
        await ann.PostProblemAsync($"/api/projects/{id}/annotations", new { item_id = item, author = "model:x@1", kind = "model", labels = new[] { "ham" } }, 403,
            "Forbidden", "An annotation of kind model needs the manager role in this project.");
        await ann.PostProblemAsync($"/api/projects/{id}/annotations", new { item_id = item, kind = "review", labels = new[] { "ham" } }, 403,
            "Forbidden", "A review needs the reviewer role in this project.");
        await s.PostProblemAsync($"/api/projects/{id}/annotations", new { item_id = item, author = "alice", kind = "model", labels = new[] { "ham" } }, 400,
            "Invalid request", "An annotation of kind model names its source as author");
        Assert.Equal("model:x@1", (await s.PostAsync($"/api/projects/{id}/annotations",
            new { item_id = item, author = "model:x@1", kind = "model", labels = new[] { "ham" } })).GetProperty("author").GetString());
        await ann.PostProblemAsync($"/api/projects/{id}/queue/next", new { annotator = "bob" }, 400, "Invalid request", "The annotator is the signed-in user, 'ann'");

        // A request id is the submitting author's own key: ann's retry replays ann's row; bob's use of the same id stores
        // bob's label (201) and never answers with, reveals or collides with ann's.
        var first = await ann.PostAsync($"/api/projects/{id}/annotations", new { item_id = item, labels = new[] { "ham" }, request_id = "r-1" });
        var replay = await ann.PostAsync($"/api/projects/{id}/annotations", new { item_id = item, labels = new[] { "spam" }, request_id = "r-1" }, 200);
        Assert.Equal(first.GetProperty("id").GetInt64(), replay.GetProperty("id").GetInt64());
        Assert.Equal("ham", replay.GetProperty("labels")[0].GetString());
        var bob = await s.AsAsync("bob");
        var bobs = await bob.PostAsync($"/api/projects/{id}/annotations", new { item_id = item, labels = new[] { "spam" }, request_id = "r-1" }, 201);
        Assert.NotEqual(first.GetProperty("id").GetInt64(), bobs.GetProperty("id").GetInt64());
        Assert.Equal(("bob", "spam"), (bobs.GetProperty("author").GetString(), bobs.GetProperty("labels")[0].GetString()));
        var bobReplay = await bob.PostAsync($"/api/projects/{id}/annotations", new { item_id = item, labels = new[] { "ham" }, request_id = "r-1" }, 200);
        Assert.Equal(bobs.GetProperty("id").GetInt64(), bobReplay.GetProperty("id").GetInt64());
        var history = await s.GetAsync($"/api/projects/{id}/items/{item}/annotations");
        Assert.Equal(2, history.EnumerateArray().Count(a => a.GetProperty("request_id").GetString() == "r-1"));
    }

    [Fact]
    public async Task A_member_sees_only_their_projects_and_another_project_is_not_found()
    {
        await using var s = await TestServer.StartAsync();
        var mine = await ProjectAsync(s, "mine");
        var other = await ProjectAsync(s, "other");
        var ann = await s.AsAsync("ann", InstanceRole.Member);
        await TestAccounts.JoinAsync(s.Server, mine, "ann", ProjectRole.Annotator);
        var listed = (await ann.GetAsync("/api/projects")).EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["mine"], listed);
        await ann.GetProblemAsync($"/api/projects/{other}", 404, "Not found", $"No project with id {other}.");
        await ann.GetProblemAsync($"/api/projects/{mine}/export", 403, "Forbidden", "");
        await ann.GetProblemAsync("/api/users", 403, "Forbidden", "");
    }

    [Fact]
    public async Task Tokens_expire_and_can_be_revoked()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        await using var s = await TestServer.StartAsync(time: clock);
        var made = await s.PostAsync("/api/tokens", new { name = "script", expires_days = 1 });
        var secret = made.GetProperty("token").GetString()!;
        Assert.StartsWith("lf_", secret, StringComparison.Ordinal);
        using var script = Bare(s);
        TestAccounts.SignIn(script, secret);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/projects", Ct)).StatusCode);
        var listed = await s.GetAsync("/api/tokens");
        Assert.DoesNotContain(secret, listed.ToString(), StringComparison.Ordinal); // shown once, stored hashed
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/projects", Ct)).StatusCode);

        var second = await s.PostAsync("/api/tokens", new { name = "revoked" });
        TestAccounts.SignIn(script, second.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/projects", Ct)).StatusCode);
        using (var revoke = await s.Client.DeleteAsync($"/api/tokens/{second.GetProperty("info").GetProperty("id").GetInt64()}", Ct))
            Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/projects", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_cookie_session_writes_only_with_the_csrf_token_and_a_new_password_ends_it()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectAsync(s);
        await TestAccounts.TokenAsync(s.Server, "carol", InstanceRole.Admin, password: "carol's password");
        using var browser = Bare(s);
        using (var wrong = await browser.PostAsJsonAsync("/api/session", new { name = "carol", password = "guess" }, TestServer.Json, Ct))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using var signIn = await browser.PostAsJsonAsync("/api/session", new { name = "carol", password = "carol's password" }, TestServer.Json, Ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var setCookies = signIn.Headers.GetValues("Set-Cookie").ToList();
        var session = setCookies.Single(c => c.StartsWith(AuthSchemes.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        var cookies = string.Join("; ", setCookies.Select(c => c.Split(';')[0]));
        var csrf = (await signIn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct)).GetProperty("csrf_token").GetString()!;

        async Task<HttpStatusCode> PutGuidelinesAsync(string? token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/projects/{id}/guidelines") { Content = JsonContent.Create(new { markdown = "Be kind." }) };
            request.Headers.Add("Cookie", cookies);
            if (token is not null)
                request.Headers.Add(CsrfCheck.HeaderName, token);
            using var response = await browser.SendAsync(request, Ct);
            return response.StatusCode;
        }

        using (var read = new HttpRequestMessage(HttpMethod.Get, "/api/projects"))
        {
            read.Headers.Add("Cookie", cookies);
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(read, Ct)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, await PutGuidelinesAsync(null));
        Assert.Equal(HttpStatusCode.Forbidden, await PutGuidelinesAsync("forged"));
        Assert.Equal(HttpStatusCode.OK, await PutGuidelinesAsync(csrf));

        await using (var db = s.Services.GetRequiredService<LabelforgeStore>().CreateDb())
            await new AccountOperations(db, TimeProvider.System, new Core.Audit.AuditLog(db, TimeProvider.System, new Core.Audit.AuditActor())).SetPasswordAsync("carol", "a new password", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, await PutGuidelinesAsync(csrf));
    }

    [Fact]
    public async Task The_first_run_prints_a_link_that_signs_the_admin_in_once()
    {
        await using var s = await TestServer.StartAsync();
        var link = s.Server.SignInLink!;
        Assert.Equal(("admin", "/sign-in"), (s.Server.SignInLinkUser, link.AbsolutePath));
        using var browser = Bare(s);
        using (var first = await browser.GetAsync(link.PathAndQuery, Ct))
        {
            Assert.Equal(("/", HttpStatusCode.Redirect), (first.Headers.Location?.OriginalString, first.StatusCode));
            Assert.Contains(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AuthSchemes.SessionCookie + "=", StringComparison.Ordinal));
        }
        using (var again = await browser.GetAsync(link.PathAndQuery, Ct))
            Assert.Equal("/sign-in?link=invalid", again.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Beyond_loopback_the_server_refuses_to_start_until_an_admin_has_a_password()
    {
        var dir = Directory.CreateTempSubdirectory("lf-firstrun-");
        var options = new ServerOptions { DbPath = Path.Combine(dir.FullName, "f.db"), Host = "0.0.0.0", Port = 0 };
        var refused = await Assert.ThrowsAsync<Labelforge.Core.Common.LabelforgeException>(() => LabelforgeServer.StartAsync(options, Ct));
        Assert.StartsWith("Refusing to listen on 0.0.0.0: no admin has a password yet", refused.Message, StringComparison.Ordinal);
        Assert.True(Loopback.Is("127.0.0.1") && Loopback.Is("::1") && Loopback.Is("localhost") && !Loopback.Is("0.0.0.0") && !Loopback.Is("192.168.1.5"));

        // Once the admin has a password, a loopback start prints no link.
        var store = await LabelforgeStore.OpenSqliteAsync(options.DbPath, Ct);
        await TestAccounts.TokenAsync(store, "root", InstanceRole.Admin, password: "root password");
        await using (var server = await LabelforgeServer.StartAsync(options with { Host = "127.0.0.1" }, Ct))
            Assert.Null(server.SignInLink);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }

    [Fact]
    public async Task OpenID_Connect_options_wire_the_standard_handler()
    {
        var dir = Directory.CreateTempSubdirectory("lf-oidc-");
        var oidc = new OpenIdConnectSettings { Authority = "https://id.example.org/realms/team", ClientId = "labelforge", ClientSecret = "s3cret", DisplayName = "Team ID" };
        await using (var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = Path.Combine(dir.FullName, "o.db"), Port = 0, OpenIdConnect = oidc }, Ct))
        {
            var scheme = await server.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync(AuthSchemes.OpenIdConnect);
            Assert.Equal(typeof(OpenIdConnectHandler), scheme?.HandlerType);
            var o = server.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(AuthSchemes.OpenIdConnect);
            Assert.Equal((oidc.Authority, "labelforge", "s3cret", "code", AuthSchemes.Cookie, "/sign-in/oidc/callback"),
                (o.Authority, o.ClientId, o.ClientSecret, o.ResponseType, o.SignInScheme, o.CallbackPath.Value));
            using var anonymous = new HttpClient { BaseAddress = server.Address };
            Assert.Contains("\"open_id_connect\":\"Team ID\"", await anonymous.GetStringAsync("/api/sign-in-options", Ct), StringComparison.Ordinal);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        dir.Delete(recursive: true);
    }
}
