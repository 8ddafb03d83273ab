using System.Net;
using System.Text;

namespace Labelforge.Server.Tests.Features.Annotations;

/// <summary>A text-spans project over HTTP: CoNLL upload, queue tokens, span submissions and their 400s, CoNLL export.</summary>
public class SpanAnnotationEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Spans_go_in_through_the_api_and_bad_offsets_and_labels_are_clear_400s()
    {
        await using var s = await TestServer.StartAsync();
        var project = await s.PostAsync("/api/projects", new { name = "ner", task_type = "text-spans", labels = new[] { "person", "location" } });
        var id = project.GetProperty("id").GetInt64();
        Assert.True(project.GetProperty("snap_spans_to_tokens").GetBoolean());
        using var body = new StringContent("Ada\tB-person\nLovelace\tI-person\nvisited\tO\nParis\tB-location\n\n", Encoding.UTF8, "text/plain");
        using var upload = await s.Client.PostAsync($"/api/projects/{id}/import?filename=a.conll", body, Ct);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);

        var alice = await s.AsAsync("alice");
        var next = await alice.PostAsync($"/api/projects/{id}/queue/next", new { annotator = "alice", count = 1 }, expectStatus: 200);
        var item = next.GetProperty("items")[0];
        var itemId = item.GetProperty("id").GetInt64();
        Assert.Equal(4, item.GetProperty("tokens").GetArrayLength());
        Assert.Equal(2, item.GetProperty("suggestion").GetProperty("spans").GetArrayLength());

        var url = $"/api/projects/{id}/annotations";
        await alice.PostProblemAsync(url, new { item_id = itemId, author = "alice", spans = new[] { new { start = 0, end = 40, label = "person" } } },
            400, "Invalid request", "span 0 (0..40) is outside the text, which has 26 characters");
        await alice.PostProblemAsync(url, new { item_id = itemId, author = "alice", spans = new[] { new { start = 1, end = 3, label = "person" } } },
            400, "Invalid request", "does not start and end on token boundaries; the nearest token-aligned span is 0..3 ('Ada')");
        await alice.PostProblemAsync(url, new { item_id = itemId, author = "alice", spans = new[] { new { start = 0, end = 3, label = "org" } } },
            400, "Invalid request", "Span 0 (0..3): Unknown label 'org'.");
        await alice.PostProblemAsync(url, new { item_id = itemId, author = "alice", labels = new[] { "person" } },
            400, "Invalid request", "is text-spans: give 'spans' (start, end, label)");

        var stored = await alice.PostAsync(url, new { item_id = itemId, author = "alice", spans = new[] { new { start = 0, end = 3, label = "person" }, new { start = 21, end = 26, label = "location" } } });
        Assert.Equal("Ada", "Ada Lovelace visited Paris"[..stored.GetProperty("spans")[0].GetProperty("end").GetInt32()]);

        using var export = await s.Client.GetAsync($"/api/projects/{id}/export?format=conll", Ct);
        Assert.Equal("Ada\tB-person\nLovelace\tO\nvisited\tO\nParis\tB-location\n\n", await export.Content.ReadAsStringAsync(Ct));
    }
}
