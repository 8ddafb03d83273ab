using System.Text.Json;
using Labelforge.Server.Features.Consensus;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Features.Consensus;

/// <summary>Consensus runs, settings, background reruns, scorecards and export resolution over the REST API.</summary>
public class ConsensusEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(long Project, long[] Items)> SeedAsync(TestServer s)
    {
        var id = (await s.PostAsync("/api/projects", new { name = "crowd", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        var items = await LabelErrors.LabelErrorsData.ImportAsync(s, id, Enumerable.Range(1, 3).Select(i => ($"t{i}", $"text {i}", (string?)null)));
        // alice and bob agree on every item; carol disagrees on the first.
        string[][] votes = [["spam", "spam", "ham"], ["ham", "ham", "ham"], ["spam", "spam", "spam"]];
        string[] people = ["alice", "bob", "carol"];
        for (var i = 0; i < items.Length; i++)
        {
            for (var p = 0; p < people.Length; p++)
            {
                await (await s.AsAsync(people[p])).PostAsync($"/api/projects/{id}/annotations",
                    new { item_id = items[i], labels = new[] { votes[i][p] }, time_spent_ms = 1500 + (p * 1000) });
            }
        }
        return (id, items);
    }

    [Fact]
    public async Task A_run_stores_consensus_labels_and_the_scorecards_read_them()
    {
        await using var s = await TestServer.StartAsync();
        var (id, items) = await SeedAsync(s);
        var run = await s.PostAsync($"/api/projects/{id}/consensus", new { method = "majority" }, 200);
        Assert.Equal(("majority", 3, 3, 9), (run.GetProperty("method").GetString(), run.GetProperty("items").GetInt32(),
            run.GetProperty("annotators").GetInt32(), run.GetProperty("answers").GetInt32()));
        var author = run.GetProperty("author").GetString();
        Assert.Equal($"consensus:majority@{run.GetProperty("id").GetInt64()}", author);
        var latest = (await s.GetAsync($"/api/projects/{id}/consensus")).GetProperty("run");
        Assert.Equal(author, latest.GetProperty("author").GetString());
        Assert.Equal(["alice", "bob", "carol"], latest.GetProperty("quality").EnumerateArray().Select(q => q.GetProperty("annotator").GetString()));

        var current = await s.GetAsync($"/api/projects/{id}/items/{items[0]}/annotations");
        Assert.Contains(current.EnumerateArray(), a => a.GetProperty("author").GetString() == author && a.GetProperty("kind").GetString() == "consensus");

        var cards = await s.GetAsync($"/api/projects/{id}/annotators");
        var carol = cards.GetProperty("annotators").EnumerateArray().Single(a => a.GetProperty("annotator").GetString() == "carol");
        Assert.Equal(3, carol.GetProperty("labels").GetInt32());
        Assert.Equal(0.666667, carol.GetProperty("agreement_with_consensus").GetDouble());
        Assert.Equal(3.5, carol.GetProperty("median_seconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, carol.GetProperty("gold_accuracy").ValueKind);
        Assert.False(carol.GetProperty("flagged").GetBoolean());

        using var export = await s.Client.GetAsync($"/api/projects/{id}/export?format=jsonl&resolve=consensus", Ct);
        var lines = (await export.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["spam", "ham", "spam"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("labels")[0].GetString()));
        using var bad = await s.Client.GetAsync($"/api/projects/{id}/export?format=jsonl&resolve=median", Ct);
        Assert.Equal(400, (int)bad.StatusCode);

        var unknown = await s.PostAsync($"/api/projects/{id}/consensus", new { method = "median" }, 400);
        Assert.Contains("Unknown consensus method 'median'", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_server_reruns_consensus_after_the_projects_n_new_labels()
    {
        await using var s = await TestServer.StartAsync(time: new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56)));
        var (id, items) = await SeedAsync(s);
        var settings = await s.PutAsync($"/api/projects/{id}/consensus/settings", new { method = "dawid-skene", rerun_every = 2, gold_accuracy_threshold = 0.9 });
        Assert.Equal(("dawid-skene", 2, 0.9), (settings.GetProperty("method").GetString(), settings.GetProperty("rerun_every").GetInt32(),
            settings.GetProperty("gold_accuracy_threshold").GetDouble()));
        var reruns = s.Services.GetRequiredService<ConsensusReruns>();
        var first = Assert.Single(await reruns.RunDueAsync(Ct));
        Assert.Equal("dawid-skene", first.Method);
        Assert.Empty(await reruns.RunDueAsync(Ct));
        await (await s.AsAsync("dave")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items[0], labels = new[] { "spam" } });
        Assert.Empty(await reruns.RunDueAsync(Ct));
        await (await s.AsAsync("dave")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items[1], labels = new[] { "ham" } });
        var second = Assert.Single(await reruns.RunDueAsync(Ct));
        Assert.Equal(4, second.Annotators);
        Assert.Equal(second.Id, (await s.GetAsync($"/api/projects/{id}/consensus")).GetProperty("run").GetProperty("id").GetInt64());
    }
}
