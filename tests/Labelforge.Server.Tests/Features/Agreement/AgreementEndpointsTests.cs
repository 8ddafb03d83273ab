using Labelforge.Core.Accounts;
using Labelforge.Server.Tests.Features.LabelErrors;

namespace Labelforge.Server.Tests.Features.Agreement;

public class AgreementEndpointsTests
{
    [Fact]
    public async Task Guideline_edits_are_versions_and_agreement_is_for_reviewers_only()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "agree", labels = new[] { "ham", "spam" }, guidelines = "# first" })).GetProperty("id").GetInt64();
        Assert.Equal(1, (await s.GetAsync($"/api/projects/{id}")).GetProperty("guideline_version").GetInt32());
        var items = await LabelErrorsData.ImportAsync(s, id, Enumerable.Range(0, 6).Select(i => ($"i{i}", $"text {i}", (string?)null)));
        var annotators = new List<TestServer>();
        foreach (var name in new[] { "ann1", "ann2" })
        {
            var client = await s.AsAsync(name, InstanceRole.Member);
            await TestAccounts.JoinAsync(s.Server, id, name, ProjectRole.Annotator);
            annotators.Add(client);
        }
        for (var i = 0; i < items.Length; i++)
        {
            await annotators[0].PostAsync($"/api/projects/{id}/annotations", new { item_id = items[i], labels = new[] { i % 2 == 0 ? "ham" : "spam" } });
            await annotators[1].PostAsync($"/api/projects/{id}/annotations", new { item_id = items[i], labels = new[] { i % 3 == 0 ? "ham" : "spam" } });
        }

        var saved = await s.PutAsync($"/api/projects/{id}/guidelines", new { markdown = "# second" });
        Assert.Equal(2, saved.GetProperty("version").GetInt32());
        var history = await annotators[0].GetAsync($"/api/projects/{id}/guidelines/versions");
        Assert.Equal([1, 2], history.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("admin", history[1].GetProperty("author").GetString());
        Assert.Equal("# first", (await s.GetAsync($"/api/projects/{id}/guidelines/versions/1")).GetProperty("text").GetString());

        var report = await s.GetAsync($"/api/projects/{id}/agreement?metric=fleiss-kappa&by=annotator&bootstrap=50");
        Assert.Equal(("fleiss-kappa", "annotator", 6, 2), (report.GetProperty("metric").GetString(), report.GetProperty("by").GetString(),
            report.GetProperty("items").GetInt32(), report.GetProperty("annotators").GetInt32()));
        Assert.Equal("ann1 ~ ann2", report.GetProperty("groups")[0].GetProperty("key").GetString());
        Assert.Equal("guideline", report.GetProperty("changes")[0].GetProperty("kind").GetString());
        Assert.Equal(0, report.GetProperty("alerts").GetArrayLength());
        var byDefault = await s.GetAsync($"/api/projects/{id}/agreement");
        Assert.Equal("krippendorff-alpha", byDefault.GetProperty("metric").GetString());
        Assert.Equal(200, byDefault.GetProperty("bootstrap").GetInt32());
        Assert.Equal(0, (await s.GetAsync($"/api/projects/{id}/events?kind=agreement-dropped")).GetArrayLength());

        // Annotators label blind: no agreement for them.
        await annotators[0].GetProblemAsync($"/api/projects/{id}/agreement", 403, "Forbidden", "");
        var bad = await s.GetAsync($"/api/projects/{id}/agreement?metric=percent", 400);
        Assert.Contains("use one of: krippendorff-alpha, fleiss-kappa, gwet-ac1", bad.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await s.GetAsync($"/api/projects/{id}/agreement?by=month", 400);
    }
}
