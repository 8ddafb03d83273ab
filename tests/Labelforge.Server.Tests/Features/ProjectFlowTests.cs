using System.Net;
using System.Text;

namespace Labelforge.Server.Tests.Features;

public class ProjectFlowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_import_browse_annotate_and_read_history_over_http()
    {
        await using var s = await TestServer.StartAsync();
        var project = await s.PostAsync("/api/projects", new { name = "tweets", labels = new[] { "ham", "spam" } });
        var id = project.GetProperty("id").GetInt64();
        await s.PostAsync($"/api/projects/{id}/labels", new { name = "promo", parent = "spam", hotkey = "p" });

        using var body = new StringContent("text,id,label\n\"Win a prize, now\",a1,spam\nhello friend,a2,ham\nbad row,a3,eggs\n", Encoding.UTF8, "text/csv");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=t.csv&id_field=id&label_field=label", body, Ct);
        var report = System.Text.Json.JsonDocument.Parse(await upload.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        Assert.Equal(4, report.GetProperty("errors")[0].GetProperty("line").GetInt32());

        var page = await s.GetAsync($"/api/projects/{id}/items?search=prize");
        var item = page.GetProperty("items")[0];
        Assert.Equal("a1", item.GetProperty("external_id").GetString());
        var itemId = item.GetProperty("id").GetInt64();
        var first = await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = itemId, author = "alice", labels = new[] { "promo" }, time_spent_ms = 800, request_id = "req-1" });
        await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = itemId, author = "alice", labels = new[] { "promo" }, request_id = "req-1" }, expectStatus: 200);

        var detail = await s.GetAsync($"/api/projects/{id}/items/{itemId}");
        var history = detail.GetProperty("history");
        Assert.Equal(2, history.GetArrayLength()); // the import's label and alice's
        Assert.Equal(first.GetProperty("id").GetInt64(), history[1].GetProperty("id").GetInt64());
        Assert.Equal("human", history[1].GetProperty("kind").GetString());
        Assert.Equal(2, (await s.GetAsync($"/api/projects/{id}/taxonomy/history")).GetArrayLength());
        Assert.Equal(1, (await s.GetAsync($"/api/projects/{id}/items?author=alice")).GetProperty("total").GetInt32());

        using var export = await s.Client.GetAsync($"/api/projects/{id}/export?format=jsonl&history=true", Ct);
        Assert.Equal("attachment; filename=\"tweets-history.jsonl\"", export.Content.Headers.ContentDisposition?.ToString());
        var events = (await export.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, events.Length); // two import labels and alice's
        using var badFormat = await s.Client.GetAsync($"/api/projects/{id}/export?format=xml", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task Errors_are_problem_details_without_stack_traces()
    {
        await using var s = await TestServer.StartAsync();
        await s.GetProblemAsync("/api/projects/999", 404, "Not found", "No project with id 999.");

        await s.PostAsync("/api/projects", new { name = "p", labels = new[] { "a" } });
        await s.PostProblemAsync("/api/projects", new { name = "p" }, 409, "Conflict", "A project named 'p' already exists.");

        // Malformed JSON is rejected by the framework's binder before any endpoint code runs; the problem says where.
        using var badJson = new StringContent("{not json", Encoding.UTF8, "application/json");
        using var bad = await s.Client.PostAsync("/api/projects", badJson, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType?.MediaType);
        var text = await bad.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        var problem = System.Text.Json.JsonDocument.Parse(text).RootElement;
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal("Invalid JSON", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString() ?? "";
        Assert.Contains("from the request body as JSON", detail, StringComparison.Ordinal);
        Assert.Contains("LineNumber: 0 | BytePositionInLine: 1", detail, StringComparison.Ordinal);
        Assert.True(problem.TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task OpenApi_document_and_status_page_are_served()
    {
        await using var s = await TestServer.StartAsync(demo: true);
        var openapi = await s.GetAsync("/openapi/v1.json");
        Assert.True(openapi.GetProperty("paths").TryGetProperty("/api/projects", out _));
        var home = await s.Client.GetStringAsync("/", Ct);
        Assert.Contains("demo-reviews", home, StringComparison.Ordinal);
        var projects = await s.GetAsync("/api/projects");
        Assert.Equal(96, projects[0].GetProperty("items").GetInt32());
    }
}
