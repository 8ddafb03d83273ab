using System.Text;
using Labelforge.Core.Accounts;

namespace Labelforge.Server.Tests.Features.Erasure;

public class ErasureEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_manager_previews_then_erases_an_item_and_the_tombstone_and_audit_log_name_them()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "erase", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        using var body = new StringContent("{\"text\":\"call Ada on 555 0101\",\"id\":\"a\"}\n{\"text\":\"two\",\"id\":\"b\"}\n", Encoding.UTF8, "application/x-ndjson");
        (await s.Client.PostAsync($"/api/projects/{id}/import?filename=i.jsonl&id_field=id", body, Ct)).EnsureSuccessStatusCode();
        await TestAccounts.TokenAsync(s.Server, "mona", InstanceRole.Member);
        await TestAccounts.JoinAsync(s.Server, id, "mona", ProjectRole.Manager);
        var mona = await s.AsAsync("mona", InstanceRole.Member);

        var preview = await mona.PostAsync($"/api/projects/{id}/erasures", new { external_id = "a", dry_run = true }, 200);
        Assert.True(preview.GetProperty("dry_run").GetBoolean());
        Assert.Equal(1, preview.GetProperty("item_count").GetInt32());
        Assert.Equal(2, (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("total").GetInt32());

        var erased = await mona.PostAsync($"/api/projects/{id}/erasures", new { external_id = "a", reason = "request 3" }, 200);
        Assert.False(erased.GetProperty("dry_run").GetBoolean());
        Assert.True(erased.GetProperty("store_cleanup").GetProperty("wal_checkpointed").ValueKind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False);
        var items = (await s.GetAsync($"/api/projects/{id}/items")).GetProperty("items");
        Assert.Equal(["b"], items.EnumerateArray().Select(i => i.GetProperty("external_id").GetString()));
        var tombstone = Assert.Single((await mona.GetAsync($"/api/projects/{id}/erasures")).EnumerateArray());
        Assert.Equal(("mona", "request 3"), (tombstone.GetProperty("erased_by").GetString(), tombstone.GetProperty("reason").GetString()));

        var log = await s.GetAsync($"/api/audit-log?action=erasure&project_id={id}");
        var entry = Assert.Single(log.GetProperty("events").EnumerateArray());
        Assert.Equal("mona", entry.GetProperty("actor").GetString());
        Assert.DoesNotContain("Ada", log.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_naming_no_item_is_a_bad_request()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "erase", labels = new[] { "ham" } })).GetProperty("id").GetInt64();
        await s.PostProblemAsync($"/api/projects/{id}/erasures", new { reason = "x" }, 400, "Invalid request",
            "Name exactly one of an external id (--item, external_id) or a search term (--search, search).");
    }
}
