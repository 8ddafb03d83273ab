using System.Text.Json;

namespace Labelforge.Server.Tests.Features.Acceptance;

public class AcceptanceEndpointsTests
{
    [Fact]
    public async Task Suggestions_reach_the_queue_and_outcomes_feed_the_acceptance_report()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "acc", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        var items = await LabelErrors.LabelErrorsData.ImportAsync(s, id, Enumerable.Range(1, 4).Select(i => ($"t{i}", $"text {i}", (string?)null)));
        var suggestions = new List<long>();
        foreach (var item in items.Take(3))
        {
            suggestions.Add((await s.PostAsync($"/api/projects/{id}/annotations", new
            {
                item_id = item, author = "model:linear@1", kind = "model", labels = new[] { "spam" },
                probabilities = new Dictionary<string, double> { ["spam"] = 0.75, ["ham"] = 0.25 },
            })).GetProperty("id").GetInt64());
        }

        var next = await (await s.AsAsync("alice")).PostAsync($"/api/projects/{id}/queue/next", new { annotator = "alice", count = 4 }, 200);
        var first = next.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == items[0]).GetProperty("suggestion");
        Assert.Equal((suggestions[0], "model:linear@1", 0.75), (first.GetProperty("annotation_id").GetInt64(), first.GetProperty("author").GetString(), first.GetProperty("confidence").GetDouble()));
        Assert.Equal("spam", first.GetProperty("labels")[0].GetString());
        Assert.Equal(JsonValueKind.Null, next.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == items[3]).GetProperty("suggestion").ValueKind);

        var accepted = await Submit(s, id, items[0], "spam", suggestions[0]);
        await Submit(s, id, items[1], "spam", suggestions[1]);
        var corrected = await Submit(s, id, items[2], "ham", suggestions[2]);
        await Submit(s, id, items[3], "ham", null);
        Assert.Equal("accepted", accepted.GetProperty("suggestion_outcome").GetString());
        Assert.Equal("corrected", corrected.GetProperty("suggestion_outcome").GetString());

        var report = await s.GetAsync($"/api/projects/{id}/acceptance");
        Assert.Equal((2, 1, 1), (report.GetProperty("accepted").GetInt32(), report.GetProperty("corrected").GetInt32(), report.GetProperty("scratch").GetInt32()));
        var model = report.GetProperty("by_model")[0];
        Assert.Equal(("model:linear@1", 3), (model.GetProperty("model").GetString(), model.GetProperty("shown").GetInt32()));
        Assert.Equal(0.6667, model.GetProperty("acceptance_rate").GetProperty("rate").GetDouble());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("accuracy").GetProperty("accepted").GetProperty("rate").ValueKind);
        await (await s.AsAsync("rita")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items[1], author = "rita", kind = "review", labels = new[] { "ham" } });
        await s.PostAsync($"/api/projects/{id}/annotations", new { item_id = items[3], author = "import:9", kind = "import", labels = new[] { "ham" } });
        var judged = (await s.GetAsync($"/api/projects/{id}/acceptance?gold_author=import:9")).GetProperty("accuracy");
        Assert.Equal((1, 0), (judged.GetProperty("accepted").GetProperty("count").GetInt32(), judged.GetProperty("accepted").GetProperty("successes").GetInt32()));
        Assert.Equal((1, 1), (judged.GetProperty("scratch").GetProperty("count").GetInt32(), judged.GetProperty("scratch").GetProperty("successes").GetInt32()));
        Assert.Equal(2, judged.GetProperty("gold_references").GetInt32());
        await s.GetAsync("/api/projects/999/acceptance", 404);
    }

    private static async Task<JsonElement> Submit(TestServer s, long project, long item, string label, long? suggestion) =>
        await (await s.AsAsync("alice")).PostAsync($"/api/projects/{project}/annotations", new { item_id = item, author = "alice", labels = new[] { label }, suggestion_annotation_id = suggestion });
}
