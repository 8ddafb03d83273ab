using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Labelforge.Server.Tests.Hosting;

/// <summary>One request cannot hold the memory or the database: bodies, id lists and label counts are capped; imports keep a large cap.</summary>
public class RequestLimitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(TestServer Server, long Project, long Item)> SeedAsync()
    {
        var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "p", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        using var body = new StringContent("{\"text\":\"one\",\"id\":\"a\"}\n", Encoding.UTF8, "application/x-ndjson");
        (await s.Client.PostAsync($"/api/projects/{id}/import?filename=i.jsonl&id_field=id", body, Ct)).EnsureSuccessStatusCode();
        var item = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items")[0].GetProperty("id").GetInt64();
        return (s, id, item);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    [Fact]
    public async Task A_json_body_over_the_cap_answers_413()
    {
        var (s, id, item) = await SeedAsync();
        await using var _ = s;
        var huge = new string('x', 17 << 20);
        using var content = new StringContent($$"""{"item_id": {{item}}, "labels": ["ham"], "request_id": "{{huge}}"}""", Encoding.UTF8, "application/json");
        // Expect: 100-continue, so the client hears the early 413 instead of writing into a connection the server closed.
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/projects/{id}/annotations") { Content = content };
        request.Headers.ExpectContinue = true;
        using var response = await s.Client.SendAsync(request, Ct);
        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Too_many_ids_or_labels_in_one_request_answer_400_naming_the_limit()
    {
        var (s, id, item) = await SeedAsync();
        await using var _ = s;
        using var next = await s.Client.PostAsJsonAsync($"/api/projects/{id}/queue/next", new { exclude = Enumerable.Range(1, 10_001).ToArray() }, TestServer.Json, Ct);
        Assert.Contains("exclude", (await ProblemAsync(next, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var skip = await s.Client.PostAsJsonAsync($"/api/projects/{id}/queue/skip", new { item_ids = Enumerable.Range(1, 10_001).ToArray() }, TestServer.Json, Ct);
        Assert.Contains("item_ids", (await ProblemAsync(skip, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var labels = await s.Client.PostAsJsonAsync($"/api/projects/{id}/annotations",
            new { item_id = item, labels = Enumerable.Repeat("ham", 1_001).ToArray() }, TestServer.Json, Ct);
        Assert.Contains("labels", (await ProblemAsync(labels, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_larger_than_the_json_cap_still_streams_in()
    {
        var (s, id, _) = await SeedAsync();
        await using var __ = s;
        var text = new string('w', 9_000);
        var lines = new StringBuilder();
        for (var i = 0; i < 2_000; i++)
            lines.Append("{\"id\":\"b").Append(i).Append("\",\"text\":\"").Append(text).Append("\"}\n");
        Assert.True(lines.Length > 17 << 20);
        using var body = new StringContent(lines.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var response = await s.Client.PostAsync($"/api/projects/{id}/import?filename=big.jsonl&id_field=id", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
