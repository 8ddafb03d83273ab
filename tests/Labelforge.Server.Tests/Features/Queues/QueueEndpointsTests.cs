using System.Net;
using System.Text;

namespace Labelforge.Server.Tests.Features.Queues;

public class QueueEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<long> ProjectWithItemsAsync(TestServer s, int count)
    {
        var project = await s.PostAsync("/api/projects", new { name = "q", labels = new[] { "ham", "spam" } });
        var id = project.GetProperty("id").GetInt64();
        var rows = string.Concat(Enumerable.Range(1, count).Select(i => $"{{\"text\":\"item {i}\",\"id\":\"x{i}\"}}\n"));
        using var body = new StringContent(rows, Encoding.UTF8, "application/x-ndjson");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=items.jsonl&id_field=id", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        return id;
    }

    private static long[] Ids(System.Text.Json.JsonElement next) =>
        next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    [Fact]
    public async Task Leases_keep_annotators_apart_and_progress_counts_human_labels()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectWithItemsAsync(s, 6);

        var alice = Ids(await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/queue/next", new { annotator = "alice", count = 3 }, 200));
        var bob = Ids(await (await s.AsAsync("bob")).PostAsync($"/api/projects/{id}/queue/next", new { annotator = "bob", count = 3, strategy = "seeded-random", seed = 3 }, 200));
        Assert.Empty(alice.Intersect(bob));

        await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = alice[0], author = "alice", labels = new[] { "spam" }, time_spent_ms = 1200, request_id = "r1" });
        var renewed = await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/queue/renew", new { annotator = "alice", item_ids = alice }, 200);
        // The label ended alice's lease on alice[0]; her other two leases are renewed.
        Assert.Equal(alice[1..].Order(), renewed.GetProperty("renewed").EnumerateArray().Select(e => e.GetInt64()).Order());
        using var release = await (await s.AsAsync("alice")).Client.PostAsync($"/api/projects/{id}/queue/release",
            new StringContent($"{{\"annotator\":\"alice\",\"item_ids\":[{alice[1]}]}}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);

        var carol = Ids(await (await s.AsAsync("carol")).PostAsync($"/api/projects/{id}/queue/next", new { annotator = "carol", count = 6 }, 200));
        Assert.Equal([alice[1]], carol);
        var progress = await (await s.AsAsync("alice")).GetAsync($"/api/projects/{id}/queue/progress?annotator=alice");
        Assert.Equal(1, progress.GetProperty("annotator_done").GetInt32());
        Assert.Equal(1, progress.GetProperty("project_done").GetInt32());
        Assert.Equal(6, progress.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Skips_are_kept_per_annotator_and_given_back_on_request()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectWithItemsAsync(s, 2);
        var alice = Ids(await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/queue/next", new { annotator = "alice", count = 1 }, 200));

        var skip = await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/queue/skip", new { annotator = "alice", item_ids = alice }, 200);
        Assert.Equal(1, skip.GetProperty("skipped").GetInt32());
        var next = await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/queue/next", new { annotator = "alice", count = 5 }, 200);
        Assert.DoesNotContain(alice[0], Ids(next));
        Assert.Equal(1, next.GetProperty("progress").GetProperty("annotator_skipped").GetInt32());

        using var restore = await (await s.AsAsync("alice")).Client.DeleteAsync($"/api/projects/{id}/queue/skips?annotator=alice", Ct);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Contains("\"restored\":1", await restore.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(0, (await (await s.AsAsync("alice")).GetAsync($"/api/projects/{id}/queue/progress?annotator=alice")).GetProperty("annotator_skipped").GetInt32());
    }

    [Fact]
    public async Task Bad_queue_requests_are_problem_details()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectWithItemsAsync(s, 1);
        await s.PostProblemAsync($"/api/projects/{id}/queue/next", new { annotator = "mallory", count = 1 }, 400, "Invalid request",
            "The annotator is the signed-in user, 'admin'; leave annotator out or send 'admin', not 'mallory'.");
        await (await s.AsAsync("a")).PostProblemAsync($"/api/projects/{id}/queue/next", new { annotator = "a", strategy = "psychic" }, 400, "Invalid request",
            "Unknown queue strategy 'psychic'; use import-order");
        await (await s.AsAsync("a")).PostProblemAsync("/api/projects/404/queue/next", new { annotator = "a" }, 404, "Not found", "No project with id 404.");
    }
}
