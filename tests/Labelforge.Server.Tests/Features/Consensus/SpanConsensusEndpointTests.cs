using System.Net;
using System.Text;

namespace Labelforge.Server.Tests.Features.Consensus;

/// <summary>
/// A text-spans project's own features over HTTP: a labeling-function set applied as span suggestions (what the annotate
/// page shows), span agreement and span consensus.
/// </summary>
public class SpanConsensusEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Rules = "labels: [person]\nfunctions:\n  - name: titled\n    kind: regex\n    pattern: '(?:Mr|Ms)\\. (?<name>[A-Z]\\w+)'\n    group: name\n    label: person\n";

    [Fact]
    public async Task Labeling_functions_suggest_spans_and_annotators_spans_give_agreement_and_consensus()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "ner", task_type = "text-spans", labels = new[] { "person", "location" } })).GetProperty("id").GetInt64();
        using var body = new StringContent("Mr.\tO\nSmith\tO\nvisited\tO\nParis\tB-location\n\nAda\tB-person\nstayed\tO\n\n", Encoding.UTF8, "text/plain");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=a.conll", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        await s.PostAsync($"/api/projects/{id}/labeling-function-sets/ner/versions", new { yaml = Rules });
        var applied = await s.PostAsync($"/api/projects/{id}/labeling-function-sets/ner/spans", new { }, expectStatus: 200);
        Assert.Equal(("lf:ner@1", 2, 1, 1), (applied.GetProperty("author").GetString(), applied.GetProperty("items").GetInt32(),
            applied.GetProperty("covered_items").GetInt32(), applied.GetProperty("annotations").GetInt32()));
        await s.PostProblemAsync($"/api/projects/{id}/labeling-function-sets/ner/fit", new { model = "" }, 400, "Invalid request", "its labeling functions mark spans");

        var alice = await s.AsAsync("alice");
        var items = (await alice.PostAsync($"/api/projects/{id}/queue/next", new { annotator = "alice", count = 2 }, expectStatus: 200)).GetProperty("items").EnumerateArray().ToList();
        var smith = items.Single(i => i.GetProperty("text").GetString()!.StartsWith("Mr.", StringComparison.Ordinal));
        var suggestion = smith.GetProperty("suggestion");
        Assert.Equal("lf:ner@1", suggestion.GetProperty("author").GetString());
        Assert.Equal((4, 9, "person"), (suggestion.GetProperty("spans")[0].GetProperty("start").GetInt32(), suggestion.GetProperty("spans")[0].GetProperty("end").GetInt32(),
            suggestion.GetProperty("spans")[0].GetProperty("label").GetString()));

        var smithId = smith.GetProperty("id").GetInt64();
        var url = $"/api/projects/{id}/annotations";
        await alice.PostAsync(url, new { item_id = smithId, spans = new[] { new { start = 4, end = 9, label = "person" }, new { start = 18, end = 23, label = "location" } } });
        var bob = await s.AsAsync("bob");
        await bob.PostAsync(url, new { item_id = smithId, spans = new[] { new { start = 4, end = 9, label = "person" } } });

        var agreement = await s.GetAsync($"/api/projects/{id}/agreement/spans");
        Assert.Equal((1, 3L, 1L), (agreement.GetProperty("items").GetInt32(), agreement.GetProperty("overall").GetProperty("spans").GetInt64(),
            agreement.GetProperty("overall").GetProperty("exact_matches").GetInt64()));
        var consensus = await s.PostAsync($"/api/projects/{id}/consensus/spans", new { }, expectStatus: 200);
        Assert.Equal(("consensus:majority@1", 1, 1L), (consensus.GetProperty("author").GetString(), consensus.GetProperty("items").GetInt32(), consensus.GetProperty("spans").GetInt64()));
        var ds = await s.PostAsync($"/api/projects/{id}/consensus/spans", new { method = "dawid-skene", min_annotators = 1 }, expectStatus: 200);
        Assert.Equal("consensus:dawid-skene@2", ds.GetProperty("author").GetString());
        await s.PostProblemAsync($"/api/projects/{id}/consensus/spans", new { method = "mace" }, 400, "Invalid request", "a text-spans project takes majority or dawid-skene");

        var classes = (await s.PostAsync("/api/projects", new { name = "classes", labels = new[] { "a", "b" } })).GetProperty("id").GetInt64();
        await s.PostProblemAsync($"/api/projects/{classes}/consensus/spans", new { }, 400, "Invalid request", "span consensus needs a text-spans project");
        await s.PostProblemAsync($"/api/projects/{classes}/labeling-function-sets/ner/spans", new { }, 400, "Invalid request", "span labeling functions need a text-spans project");
    }
}
