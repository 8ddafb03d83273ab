using System.Net;
using System.Text;
using Labelforge.Core.Accounts;

namespace Labelforge.Server.Tests.Features.Queues;

public class OverlapEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static long[] Ids(System.Text.Json.JsonElement next) =>
        next.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    private static async Task<long> ProjectAsync(TestServer s, int items)
    {
        var id = (await s.PostAsync("/api/projects", new { name = "crowd", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        var rows = string.Concat(Enumerable.Range(1, items).Select(i => $"{{\"text\":\"item {i}\",\"id\":\"x{i}\"}}\n"));
        using var body = new StringContent(rows, Encoding.UTF8, "application/x-ndjson");
        (await s.Client.PostAsync($"/api/projects/{id}/import?filename=items.jsonl&id_field=id", body, Ct)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task The_queue_serves_each_item_to_k_annotators_blind_to_each_other()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectAsync(s, 2);
        var settings = await s.PutAsync($"/api/projects/{id}/queue/settings", new { overlap = 2 });
        Assert.Equal(("fixed", 2), (settings.GetProperty("overlap_mode").GetString(), settings.GetProperty("overlap").GetInt32()));
        var (ann1, ann2, ann3) = (await s.AsAsync("ann1", InstanceRole.Member), await s.AsAsync("ann2", InstanceRole.Member), await s.AsAsync("ann3", InstanceRole.Member));
        foreach (var name in new[] { "ann1", "ann2", "ann3" })
            await TestAccounts.JoinAsync(s.Server, id, name, ProjectRole.Annotator);

        var first = await ann1.PostAsync($"/api/projects/{id}/queue/next", new { count = 5 }, 200);
        await ann1.PostAsync($"/api/projects/{id}/annotations", new { item_id = Ids(first)[0], labels = new[] { "spam" } });
        var second = await ann2.PostAsync($"/api/projects/{id}/queue/next", new { count = 5 }, 200);

        Assert.Equal(Ids(first), Ids(second));
        // Blind: the item ann2 gets carries no one else's label, no consensus and no count of who labeled it.
        var item = second.GetProperty("items")[0];
        Assert.Equal(["id", "external_id", "text", "data", "lease_expires_at", "suggestion", "tokens", "width", "height"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, item.GetProperty("suggestion").ValueKind);
        Assert.DoesNotContain("spam", second.GetRawText(), StringComparison.Ordinal);
        // Both items are now held or labeled by two people: a third annotator waits.
        Assert.Empty(Ids(await ann3.PostAsync($"/api/projects/{id}/queue/next", new { count = 5 }, 200)));
        // Annotators read no other people's labels: the item history is for reviewers.
        await ann2.GetAsync($"/api/projects/{id}/items/{Ids(first)[0]}/annotations", 403);
    }

    [Fact]
    public async Task Adaptive_settings_and_gold_round_trip_and_gold_is_for_managers()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectAsync(s, 3);
        var settings = await s.PutAsync($"/api/projects/{id}/queue/settings",
            new { overlap_mode = "adaptive", min_overlap = 1, max_overlap = 3, target_confidence = 0.8 });
        Assert.Equal(("adaptive", 1, 3, 0.8), (settings.GetProperty("overlap_mode").GetString(), settings.GetProperty("min_overlap").GetInt32(),
            settings.GetProperty("max_overlap").GetInt32(), settings.GetProperty("target_confidence").GetDouble()));

        using var body = new StringContent("item,label\nx1,spam\nx9,ham\n", Encoding.UTF8, "text/csv");
        using var response = await s.Client.PostAsync($"/api/projects/{id}/gold?rate=0.1", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"answers\":1", report, StringComparison.Ordinal);
        Assert.Contains("\"gold_rate\":0.1", report, StringComparison.Ordinal);
        Assert.Contains("no item 'x9'", report, StringComparison.Ordinal);
        var gold = await s.GetAsync($"/api/projects/{id}/gold");
        Assert.Equal("x1", gold[0].GetProperty("external_id").GetString());

        var ann1 = await s.AsAsync("ann1", InstanceRole.Member);
        await TestAccounts.JoinAsync(s.Server, id, "ann1", ProjectRole.Annotator);
        await ann1.GetAsync($"/api/projects/{id}/gold", 403);
    }

    [Fact]
    public async Task Import_with_an_author_field_writes_each_row_as_that_persons_label()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectAsync(s, 2);
        using var body = new StringContent("item,worker,label\nx1,w1,spam\nx1,w2,ham\nx2,w1,eggs\n", Encoding.UTF8, "text/csv");
        using var response = await s.Client.PostAsync($"/api/projects/{id}/import?filename=answers.csv&id_field=item&label_field=label&author_field=worker", body, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("\"annotations\":2", report, StringComparison.Ordinal);
        Assert.Contains("\"error_count\":1", report, StringComparison.Ordinal);
        var counts = await s.GetAsync($"/api/projects/{id}/counts");
        Assert.Contains("w2", counts.GetRawText(), StringComparison.Ordinal);
    }
}
