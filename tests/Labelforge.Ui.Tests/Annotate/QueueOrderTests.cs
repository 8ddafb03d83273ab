using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

public class QueueOrderTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_header_shows_the_active_learning_model_and_changes_the_order()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "sms", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(id, Enumerable.Range(0, 30).Select(i =>
            ($"m{i}", i % 2 == 0 ? $"win a cash prize now, reply {i}" : $"are we still on for lunch at {i}")));
        var items = (await server.GetAsync($"/api/projects/{id}/items")).GetProperty("items").EnumerateArray().ToList();
        foreach (var item in items.Take(6))
        {
            var spam = item.GetProperty("text").GetString()!.StartsWith("win", StringComparison.Ordinal);
            await (await server.AsAsync("seed")).PostAsync($"/api/projects/{id}/annotations", new { item_id = item.GetProperty("id").GetInt64(), author = "seed", labels = new[] { spam ? "spam" : "ham" } });
        }
        // Set after labeling, so the server's own loop (2 s) and this forced retrain both train on the same 6 labels.
        using (var put = await server.Client.PutAsJsonAsync($"/api/projects/{id}/queue/settings", new { strategy = "margin", retrain_every = 4 }, UiServer.Json, Ct))
            Assert.True(put.IsSuccessStatusCode);
        await server.PostAsync($"/api/projects/{id}/queue/retrain", new { });
        await WaitForModelAsync(server, id);

        var page = await browser.NewPageAsync(server, "frank");
        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        await new AnnotatePageDriver(page).WaitForItemAsync();

        var model = page.GetByTestId("queue-model");
        await Assertions.Expect(model).ToContainTextAsync("model on 6 labels, next at 10");
        await Assertions.Expect(page.GetByTestId("queue-strategy")).ToHaveValueAsync("margin");
        // One retrain, or two on the same labels (loop and forced) whose predictions agree.
        await Assertions.Expect(page.GetByTestId("queue-stop")).ToContainTextAsync(new Regex("after the second retrain|kappa 1.00"));
        await Screenshots.TakeAsync(page, "annotate-queue");

        await page.GetByTestId("queue-strategy").SelectOptionAsync("import-order");
        await Assertions.Expect(model).ToHaveCountAsync(0);
        Assert.Equal("import-order", (await server.GetAsync($"/api/projects/{id}/queue/settings")).GetProperty("strategy").GetString());
    }

    // A forced retrain answers 202 when the background loop is already retraining; wait for that one to finish.
    private static async Task WaitForModelAsync(UiServer server, long id)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var status = await server.GetAsync($"/api/projects/{id}/queue/status");
            if (status.GetProperty("model_ready").GetBoolean() && !status.GetProperty("retraining").GetBoolean())
                return;
            await Task.Delay(100, Ct);
        }
        Assert.Fail("the queue model was not trained within 30 s");
    }
}
