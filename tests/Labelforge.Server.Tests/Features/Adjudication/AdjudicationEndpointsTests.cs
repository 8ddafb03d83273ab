using System.Net;
using System.Text.Json;
using Labelforge.Core.Accounts;

namespace Labelforge.Server.Tests.Features.Adjudication;

/// <summary>The adjudication queue and decisions over the REST API.</summary>
public class AdjudicationEndpointsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(long Project, long[] Items)> SeedAsync(TestServer s)
    {
        var id = (await s.PostAsync("/api/projects", new { name = "crowd", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        var items = await LabelErrors.LabelErrorsData.ImportAsync(s, id, Enumerable.Range(1, 3).Select(i => ($"t{i}", $"text {i}", (string?)null)));
        // alice and bob agree on every item; carol disagrees on the second.
        string[][] votes = [["ham", "ham", "ham"], ["spam", "spam", "ham"], ["spam", "spam", "spam"]];
        string[] people = ["alice", "bob", "carol"];
        for (var i = 0; i < items.Length; i++)
        {
            for (var p = 0; p < people.Length; p++)
                await (await s.AsAsync(people[p])).PostAsync($"/api/projects/{id}/annotations", new { item_id = items[i], labels = new[] { votes[i][p] } });
        }
        await s.PostAsync($"/api/projects/{id}/consensus", new { method = "majority" }, 200);
        return (id, items);
    }

    [Fact]
    public async Task The_queue_leads_with_the_disputed_item_and_a_decision_takes_it_out()
    {
        await using var s = await TestServer.StartAsync();
        var (id, items) = await SeedAsync(s);
        var queue = await s.GetAsync($"/api/projects/{id}/adjudication");
        Assert.Equal(("disagreement", 3, 0), (queue.GetProperty("order").GetString(), queue.GetProperty("total").GetInt32(), queue.GetProperty("decided").GetInt32()));
        var first = queue.GetProperty("items")[0];
        Assert.Equal(items[1], first.GetProperty("item_id").GetInt64());
        Assert.Equal("text 2", first.GetProperty("text").GetString());
        Assert.Equal("spam", first.GetProperty("consensus").GetString());
        Assert.Equal(Math.Round(-((2.0 / 3) * Math.Log(2.0 / 3)) - ((1.0 / 3) * Math.Log(1.0 / 3)), 3), Math.Round(first.GetProperty("entropy").GetDouble(), 3));
        var answers = first.GetProperty("answers").EnumerateArray().ToList();
        Assert.Equal(["alice", "bob", "carol"], answers.Select(a => a.GetProperty("annotator").GetString()));
        Assert.Equal("ham", answers[2].GetProperty("labels")[0].GetString());
        Assert.Equal(0.666667, answers[2].GetProperty("agreement_with_consensus").GetDouble());
        Assert.Equal(1.0, answers[0].GetProperty("agreement_with_consensus").GetDouble());
        Assert.Equal(0, queue.GetProperty("items")[1].GetProperty("entropy").GetDouble());

        var ham = first.GetProperty("posterior").EnumerateArray().Single(p => p.GetProperty("label").GetString() == "ham").GetProperty("label_id").GetInt64();
        var decided = await s.PostAsync($"/api/projects/{id}/adjudication/decisions", new { item_id = items[1], label_ids = new[] { ham }, request_id = "d1" });
        Assert.False(decided.GetProperty("agrees_with_consensus").GetBoolean());
        Assert.Equal(("review", "admin"), (decided.GetProperty("annotation").GetProperty("kind").GetString(), decided.GetProperty("annotation").GetProperty("author").GetString()));
        await s.PostAsync($"/api/projects/{id}/adjudication/decisions", new { item_id = items[1], label_ids = new[] { ham }, request_id = "d1" }, 200);
        var conflict = await s.PostAsync($"/api/projects/{id}/adjudication/decisions", new { item_id = items[1], label_ids = new[] { ham } }, 409);
        Assert.Contains("already decided by admin", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var after = await s.GetAsync($"/api/projects/{id}/adjudication?page_size=1");
        Assert.Equal((2, 1, 1), (after.GetProperty("total").GetInt32(), after.GetProperty("decided").GetInt32(), after.GetProperty("items").GetArrayLength()));
        Assert.NotEqual(items[1], after.GetProperty("items")[0].GetProperty("item_id").GetInt64());
        // The decision is gold for the scorecards: carol was right.
        var carol = (await s.GetAsync($"/api/projects/{id}/annotators")).GetProperty("annotators").EnumerateArray().Single(a => a.GetProperty("annotator").GetString() == "carol");
        Assert.Equal(1.0, carol.GetProperty("gold_accuracy").GetDouble());
    }

    [Fact]
    public async Task Bad_requests_and_annotators_are_refused_with_what_to_do()
    {
        await using var s = await TestServer.StartAsync();
        var (id, items) = await SeedAsync(s);
        var noRun = await s.GetAsync($"/api/projects/{id}/adjudication?order=label-error", 409);
        Assert.Contains("find label errors first", noRun.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badOrder = await s.GetAsync($"/api/projects/{id}/adjudication?order=entropy", 400);
        Assert.Contains("use one of: disagreement, label-error", badOrder.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var other = await s.PostAsync($"/api/projects/{id}/adjudication/decisions", new { item_id = items[0], label_ids = new[] { 1L }, reviewer = "mallory" }, 400);
        Assert.Contains("The reviewer is the signed-in user", other.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var none = await s.PostAsync($"/api/projects/{id}/adjudication/decisions", new { item_id = items[0] }, 400);
        Assert.Contains("exactly one label id", none.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var annotator = await TestAccounts.ClientAsync(s.Server, "annie", InstanceRole.Member);
        await TestAccounts.JoinAsync(s.Server, id, "annie", ProjectRole.Annotator);
        using var refused = await annotator.GetAsync(new Uri(s.Server.Address, $"/api/projects/{id}/adjudication"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement.ValueKind);
    }
}
