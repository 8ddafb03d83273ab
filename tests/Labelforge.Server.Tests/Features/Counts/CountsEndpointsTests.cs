using System.Net;
using System.Text;
using System.Text.Json;

namespace Labelforge.Server.Tests.Features.Counts;

public class CountsEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, long> PerLabel(JsonElement counts) =>
        counts.GetProperty("labels").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!, l => l.GetProperty("items").GetInt64());

    [Fact]
    public async Task Counts_give_items_per_label_and_per_annotator_and_follow_a_merge()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "counts", labels = new[] { "ham", "spam", "promo" }, multi_label = true })).GetProperty("id").GetInt64();
        var rows = "{\"text\":\"one\",\"label\":[\"spam\",\"promo\"]}\n{\"text\":\"two\",\"label\":[\"ham\"]}\n{\"text\":\"three\"}\n";
        using var body = new StringContent(rows, Encoding.UTF8, "application/x-ndjson");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=items.jsonl&label_field=label", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var items = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("text").GetString()!, i => i.GetProperty("id").GetInt64());

        var imported = await s.GetAsync($"/api/projects/{id}/counts");
        Assert.Equal(3, imported.GetProperty("items").GetInt64());
        Assert.Equal(2, imported.GetProperty("given_items").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["ham"] = 1, ["spam"] = 1, ["promo"] = 1 }, PerLabel(imported));

        // The latest given label counts: alice relabels "two" as spam; bob labels "three" as spam and promo.
        await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items["two"], author = "alice", labels = new[] { "spam" } });
        await (await s.AsAsync("bob")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items["three"], author = "bob", labels = new[] { "spam", "promo" } });
        await (await s.AsAsync("bob")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items["one"], author = "bob", labels = new[] { "spam", "promo" } });
        var labeled = await s.GetAsync($"/api/projects/{id}/counts");
        Assert.Equal(new Dictionary<string, long> { ["ham"] = 0, ["spam"] = 3, ["promo"] = 2 }, PerLabel(labeled));
        Assert.Equal(3, labeled.GetProperty("decided_items").GetInt64());
        var annotators = labeled.GetProperty("annotators").EnumerateArray()
            .Select(a => (a.GetProperty("author").GetString(), a.GetProperty("labeled_items").GetInt64())).ToList();
        Assert.Equal([("bob", 2L), ("alice", 1L)], annotators);

        // Items holding both spam and promo count once under the merged label.
        await s.PostAsync($"/api/projects/{id}/taxonomy/merge", new { sources = new[] { "promo" }, target = "spam" }, 200);
        Assert.Equal(new Dictionary<string, long> { ["ham"] = 0, ["spam"] = 3 }, PerLabel(await s.GetAsync($"/api/projects/{id}/counts")));
        await s.GetAsync("/api/projects/999/counts", 404);
    }
}
