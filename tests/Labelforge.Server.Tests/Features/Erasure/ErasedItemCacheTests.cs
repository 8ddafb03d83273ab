using System.Globalization;
using System.Net.Http.Json;
using Labelforge.Server.Features.LabelErrors;
using Labelforge.Server.Features.Queues;
using Labelforge.Server.Tests.Features.LabelErrors;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Features.Erasure;

/// <summary>
/// An erasure reaches the server's in-memory copies too: the active-learning queue's kept features and the latest
/// label-error run's suspects (which hold texts) forget the item, and afterwards no API endpoint answers with its text.
/// </summary>
public class ErasedItemCacheTests
{
    private const string Secret = "Quillonbrook";

    private static readonly string[] SpamWords = ["win", "cash", "prize", "free", "offer", "click", "claim", "bonus"];
    private static readonly string[] HamWords = ["meeting", "lunch", "tomorrow", "project", "notes", "family", "dinner", "call"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_an_erasure_no_cache_holds_the_item_and_no_endpoint_returns_its_text()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "caches", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        // Item 0 is the secret: spam words under a ham label, so the label-error run lists it (with its text).
        var rows = Enumerable.Range(0, 60).Select(i =>
        {
            var spam = i % 2 == 0;
            var words = spam ? SpamWords : HamWords;
            var text = string.Join(' ', Enumerable.Range(0, 6).Select(j => words[(i * 3 + j * 5) % words.Length])) + $" #{i}";
            return i == 0 ? ("secret", $"{text} {Secret} {Secret.ToLowerInvariant()}", (string?)"ham") : ($"m{i}", text, (string?)(spam ? "spam" : "ham"));
        }).ToList();
        var items = await LabelErrorsData.ImportAsync(s, id, rows);
        var secret = items[0];

        await s.PutAsync($"/api/projects/{id}/queue/settings", new { strategy = "margin", retrain_every = 5 });
        var coordinator = s.Services.GetRequiredService<QueueRetrainCoordinator>();
        Assert.True((await coordinator.RetrainAsync(id, Ct))!.ModelTrained);
        Assert.True(coordinator.HoldsFeaturesOf(id, secret));
        await s.PostAsync($"/api/projects/{id}/label-errors/run", new { folds = 3 }, 202);
        var run = await WaitAsync(s, id);
        Assert.Contains(Secret, run.GetRawText(), StringComparison.Ordinal); // the check below can fail
        var runs = s.Services.GetRequiredService<LabelErrorRuns>();
        Assert.Contains(runs.Latest(id).Errors, e => e.ItemId == secret);
        Assert.Contains(await EveryResponseAsync(s, id, secret), r => r.Body.Contains(Secret, StringComparison.OrdinalIgnoreCase));

        await s.PostAsync($"/api/projects/{id}/erasures", new { external_id = "secret", reason = "request 9" }, 200);

        Assert.False(coordinator.HoldsFeaturesOf(id, secret));
        Assert.DoesNotContain(runs.Latest(id).Errors, e => e.ItemId == secret);
        Assert.DoesNotContain(runs.Latest(id).Errors, e => e.Text.Contains(Secret, StringComparison.OrdinalIgnoreCase));
        var leaks = (await EveryResponseAsync(s, id, secret)).Where(r => r.Body.Contains(Secret, StringComparison.OrdinalIgnoreCase)).Select(r => r.Request).ToList();
        Assert.True(leaks.Count == 0, "answered with the erased text: " + string.Join(", ", leaks));
        // The queue still retrains on what is left.
        Assert.True((await coordinator.RetrainAsync(id, Ct))!.ModelTrained);
        Assert.False(coordinator.HoldsFeaturesOf(id, secret));
    }

    /// <summary>
    /// Every GET of the API (from the endpoint data source, so a new one is included), with the project, the item and
    /// the defaults filled in, plus the reading POSTs (queue, preview) and each text export format, as the admin.
    /// </summary>
    private static async Task<List<(string Request, string Body)>> EveryResponseAsync(TestServer s, long projectId, long itemId)
    {
        var gets = s.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true
                && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => Fill(e.RoutePattern.RawText!, projectId, itemId)).ToList();
        gets.AddRange(new[] { "jsonl", "csv", "label-studio" }.SelectMany(f => new[] { $"/api/projects/{projectId}/export?format={f}", $"/api/projects/{projectId}/export?format={f}&history=true&unmasked=true" }));
        gets.Add($"/api/projects/{projectId}/items?search={Secret}");
        gets.Add($"/api/projects/{projectId}/queue/progress?annotator={TestServer.AdminName}");
        var answers = new List<(string, string)>();
        foreach (var url in gets)
        {
            using var response = await s.Client.GetAsync(url, Ct);
            answers.Add(($"GET {url}", await response.Content.ReadAsStringAsync(Ct)));
        }
        foreach (var (url, body) in new (string, object)[]
                 {
                     ($"/api/projects/{projectId}/queue/next", new { count = 100 }),
                     ($"/api/projects/{projectId}/pii/preview", new { words = new[] { "win" } }),
                     ($"/api/projects/{projectId}/pii/preview", new { item_id = itemId }),
                 })
        {
            using var response = await s.Client.PostAsJsonAsync(url, body, TestServer.Json, Ct);
            answers.Add(($"POST {url}", await response.Content.ReadAsStringAsync(Ct)));
        }
        return answers;
    }

    private static string Fill(string pattern, long projectId, long itemId) => pattern
        .Replace("{projectId:long}", projectId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{itemId:long}", itemId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{tokenId:long}", "1", StringComparison.Ordinal)
        .Replace("{version:int}", "1", StringComparison.Ordinal)
        .Replace("{user}", TestServer.AdminName, StringComparison.Ordinal)
        .Replace("{name}", TestServer.AdminName, StringComparison.Ordinal)
        .Replace("{label}", "ham", StringComparison.Ordinal)
        .Replace("{set}", "default", StringComparison.Ordinal)
        .Replace("{function}", "f", StringComparison.Ordinal);

    private static async Task<System.Text.Json.JsonElement> WaitAsync(TestServer s, long projectId)
    {
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var state = await s.GetAsync($"/api/projects/{projectId}/label-errors");
            if (state.GetProperty("status").GetString() != "running")
                return state;
            await Task.Delay(100, Ct);
        }
        throw new TimeoutException("label-error run did not finish in 60 s");
    }
}
