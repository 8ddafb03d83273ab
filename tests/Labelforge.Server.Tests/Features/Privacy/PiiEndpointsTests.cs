using System.Net;
using System.Text;
using Labelforge.Core.Accounts;

namespace Labelforge.Server.Tests.Features.Privacy;

/// <summary>
/// Masking as each role meets it: annotators and reviewers read masked texts (queue, items), managers the stored
/// ones; exports are masked unless a manager asks for unmasked; managers set the detectors and read the report.
/// </summary>
public class PiiEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Text = "Reach ann.lee@example.org from 10.0.0.7";

    private static async Task<long> ProjectAsync(TestServer s)
    {
        var id = (await s.PostAsync("/api/projects", new { name = "pii", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        using var body = new StringContent($"{{\"text\":\"{Text}\",\"id\":\"a\"}}\n", Encoding.UTF8, "application/x-ndjson");
        (await s.Client.PostAsync($"/api/projects/{id}/import?filename=i.jsonl&id_field=id", body, Ct)).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Annotators_and_reviewers_read_masked_texts_and_managers_the_stored_ones()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectAsync(s);
        var settings = await s.PutAsync($"/api/projects/{id}/pii", new { detectors = new[] { "email", "ip" } });
        Assert.Equal("email,ip", string.Join(',', settings.GetProperty("detectors").EnumerateArray().Select(d => d.GetString())));
        var (anna, rita, mia) = (await s.AsAsync("anna", InstanceRole.Member), await s.AsAsync("rita", InstanceRole.Member), await s.AsAsync("mia", InstanceRole.Member));
        foreach (var (user, role) in new[] { ("anna", ProjectRole.Annotator), ("rita", ProjectRole.Reviewer), ("mia", ProjectRole.Manager) })
            await TestAccounts.JoinAsync(s.Server, id, user, role);

        var queued = (await anna.PostAsync($"/api/projects/{id}/queue/next", new { count = 1 }, 200)).GetProperty("items")[0];
        Assert.Equal("Reach [EMAIL] from [IP]", queued.GetProperty("text").GetString());
        Assert.Equal("Reach [EMAIL] from [IP]", queued.GetProperty("data").GetProperty("text").GetString());
        var itemId = queued.GetProperty("id").GetInt64();

        Assert.Equal("Reach [EMAIL] from [IP]", (await rita.GetAsync($"/api/projects/{id}/items/")).GetProperty("items")[0].GetProperty("text").GetString());
        Assert.Equal("Reach [EMAIL] from [IP]", (await rita.GetAsync($"/api/projects/{id}/items/{itemId}")).GetProperty("item").GetProperty("text").GetString());
        await rita.GetAsync($"/api/projects/{id}/pii", 403);

        Assert.Equal(Text, (await mia.GetAsync($"/api/projects/{id}/items/{itemId}")).GetProperty("item").GetProperty("text").GetString());
        var report = await mia.GetAsync($"/api/projects/{id}/pii/report");
        Assert.Equal(1, report.GetProperty("items_with_detections").GetInt64());
        Assert.Equal(1, report.GetProperty("items")[0].GetProperty("counts").GetProperty("email").GetInt32());
        Assert.Equal(1, report.GetProperty("totals").GetProperty("ip").GetInt64());

        Assert.Contains("[EMAIL]", await DownloadAsync(mia, $"/api/projects/{id}/export?format=jsonl"), StringComparison.Ordinal);
        var unmasked = await DownloadAsync(mia, $"/api/projects/{id}/export?format=csv&unmasked=true");
        Assert.Contains("ann.lee@example.org", unmasked, StringComparison.Ordinal);
        Assert.DoesNotContain("[EMAIL]", unmasked, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_settings_are_a_400_and_leave_the_old_ones()
    {
        await using var s = await TestServer.StartAsync();
        var id = await ProjectAsync(s);
        await s.PutAsync($"/api/projects/{id}/pii", new { detectors = new[] { "email" }, pattern = @"CUST-\d+", words = new[] { "Ann Lee" } });
        var bad = await s.PutAsync($"/api/projects/{id}/pii", new { detectors = new[] { "passport" } }, 400);
        Assert.Equal("Unknown detector 'passport'; use any of: email, phone, iban, card, ip.", bad.GetProperty("detail").GetString());
        var kept = await s.GetAsync($"/api/projects/{id}/pii");
        Assert.Equal(@"CUST-\d+", kept.GetProperty("pattern").GetString());
        Assert.Equal("Ann Lee", kept.GetProperty("words")[0].GetString());
    }

    private static async Task<string> DownloadAsync(TestServer s, string url)
    {
        using var response = await s.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }
}
