using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

/// <summary>
/// A text-spans project in a real browser: spans selected by keyboard (move by token, Shift extends, label key) and
/// by mouse (a drag inside a word takes the word), one deleted, an imported suggestion accepted with Enter; the stored
/// offsets are then read back through the API.
/// </summary>
public class SpanAnnotateTests(BrowserFixture browser)
{
    private const string First = "Ada Lovelace visited New York .";

    [Fact]
    public async Task Spans_selected_by_keyboard_and_mouse_are_stored_with_their_offsets_and_a_suggestion_is_accepted()
    {
        await using var server = await UiServer.StartAsync();
        var project = await server.PostAsync("/api/projects", new { name = "ner", task_type = "text-spans", labels = new[] { "person", "location" } });
        var projectId = project.GetProperty("id").GetInt64();
        var lines = $"{{\"text\":\"{First}\"}}\n{{\"text\":\"Grace Hopper lived in Arlington\",\"spans\":[{{\"start\":22,\"end\":31,\"label\":\"location\"}}]}}\n";
        using (var body = new StringContent(lines, Encoding.UTF8, "application/x-ndjson"))
        using (var response = await server.Client.PostAsync($"/api/projects/{projectId}/import?format=spacy-jsonl", body, TestContext.Current.CancellationToken))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var page = await browser.NewPageAsync(server, "alice");
        await page.GotoAsync($"{server.Url}/projects/{projectId}/annotate");
        var driver = new AnnotatePageDriver(page);
        var first = await driver.WaitForItemAsync();

        // Keyboard: "Ada Lovelace" as person, then "New York" as location.
        foreach (var key in new[] { "ArrowRight", "Shift+ArrowRight", "1", "ArrowRight", "ArrowRight", "Shift+ArrowRight", "2" })
            await page.Keyboard.PressAsync(key);
        // Mouse: a drag from inside "visited" takes the whole word; label it, then delete it from the keyboard.
        var visited = await page.Locator("[data-token='2']").BoundingBoxAsync();
        await page.Mouse.MoveAsync(visited!.X + visited.Width * 0.3f, visited.Y + visited.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(visited.X + visited.Width * 0.7f, visited.Y + visited.Height / 2);
        await page.Mouse.UpAsync();
        await page.Keyboard.PressAsync("2");
        await page.Locator("[data-testid=span]", new PageLocatorOptions { HasText = "visited" }).WaitForAsync();
        await page.Keyboard.PressAsync("Delete");
        await page.Locator("[data-testid=span]", new PageLocatorOptions { HasText = "visited" }).WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Equal(2, await page.Locator("[data-testid=span]").CountAsync());
        await Screenshots.TakeAsync(page, "annotate-spans");

        var second = await driver.PressAndWaitAsync("Enter", first);
        await page.Locator("[data-testid=span-suggestion]").WaitForAsync();
        Assert.Contains("Arlington", await page.Locator("[data-testid=span]").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "annotate-spans-suggestion");
        await driver.PressAndWaitAsync("Enter", second);
        await driver.WaitForNothingPendingAsync();

        var mine = Human(await server.GetAsync($"/api/projects/{projectId}/items/{first}/annotations"));
        Assert.Equal([(0, 12, "person"), (21, 29, "location")], Spans(mine));
        Assert.Equal("Ada Lovelace", First[0..12]);
        var accepted = Human(await server.GetAsync($"/api/projects/{projectId}/items/{second}/annotations"));
        Assert.Equal([(22, 31, "location")], Spans(accepted));
        Assert.Equal("accepted", accepted.GetProperty("suggestion_outcome").GetString());
    }

    private static JsonElement Human(JsonElement history) =>
        history.EnumerateArray().Single(a => a.GetProperty("author").GetString() == "alice");

    private static (int, int, string)[] Spans(JsonElement annotation) =>
        [.. annotation.GetProperty("spans").EnumerateArray().Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), s.GetProperty("label").GetString()!))];
}
