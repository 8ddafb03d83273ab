using System.Text.Json;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.LabelErrors;

/// <summary>The Label errors tab: a background run with progress, then a fix with Enter and a keep with the given label's key.</summary>
public class LabelErrorsPageTests(BrowserFixture browser)
{
    private static readonly string[] Spam =
    [
        "WINNER! Claim your free prize now, text WIN to 80086", "Free entry: win cash and a bonus holiday, reply YES",
        "URGENT: your account has a £500 reward, call now to claim", "Click here for a free ringtone offer, limited time",
        "You have won a guaranteed cash prize, claim code 4KX2", "Exclusive offer: free mobile upgrade, text UPGRADE now",
    ];

    private static readonly string[] Ham =
    [
        "Are we still meeting for lunch tomorrow?", "I'll call you after the project review tonight",
        "Can you send me the notes from class?", "Dinner with the family on Sunday, are you coming?",
        "Running late, the train is stuck again", "Thanks for the help with the report today",
    ];

    [Fact]
    public async Task A_run_shows_progress_then_enter_fixes_a_label_and_the_given_key_keeps_one()
    {
        await using var server = await UiServer.StartAsync();
        var projectId = (await server.PostAsync("/api/projects", new { name = "sms-audit", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        await ImportLabeledAsync(server, projectId);

        var page = await browser.NewPageAsync(server, "rita");
        // The former tab address still leads there.
        await page.GotoAsync($"{server.Url}/projects/{projectId}/review");
        // The redirect is a history replace after the session and route load; polling the address sees it whenever it
        // lands (waiting for a navigation event missed it when it came before the wait began).
        await page.WaitForFunctionAsync("url => location.href === url", $"{server.Url}/projects/{projectId}/label-errors");
        await page.Locator(".tabs a.active", new PageLocatorOptions { HasText = "Label errors" }).WaitForAsync();
        await page.ClickAsync("[data-testid=run-label-errors]");
        await page.Locator("[data-testid=run-status]", new PageLocatorOptions { HasText = "open of" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var current = page.Locator("[data-testid=review-current]");
        await current.WaitForAsync();
        var listed = await page.Locator("[data-testid=suspects] li").CountAsync();
        Assert.True(listed >= 2, $"{listed} suspects");
        await Screenshots.TakeAsync(page, "review");

        var fixedItem = await ItemIdAsync(current);
        var suggested = await current.Locator(".suggested-label").InnerTextAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("id => document.querySelector('[data-testid=review-current]')?.dataset.itemId !== String(id)", fixedItem);
        var keptItem = await ItemIdAsync(current);
        var given = await current.Locator(".given").InnerTextAsync();
        await page.Keyboard.PressAsync(given == "ham" ? "1" : "2");
        await page.Locator("[data-testid=review-tally]", new PageLocatorOptions { HasText = "1 kept, 1 fixed" }).WaitForAsync();

        // The tally counts a decision when it is made; its request may still be on the way.
        var fix = await LastAsync(server, projectId, fixedItem);
        Assert.Equal(("rita", "review", suggested), (fix.GetProperty("author").GetString(), fix.GetProperty("kind").GetString(), fix.GetProperty("labels")[0].GetString()));
        Assert.Equal(JsonValueKind.Number, fix.GetProperty("supersedes_id").ValueKind);
        var keep = await LastAsync(server, projectId, keptItem);
        Assert.Equal(("review", given), (keep.GetProperty("kind").GetString(), keep.GetProperty("labels")[0].GetString()));

        await page.ReloadAsync();
        await page.Locator("[data-testid=run-status]", new PageLocatorOptions { HasText = "open of" }).WaitForAsync();
        Assert.Equal(listed - 2, await page.Locator("[data-testid=suspects] li").CountAsync());
    }

    private static async Task ImportLabeledAsync(UiServer server, long projectId)
    {
        // 48 messages from the templates, each given its true label except four flipped ones.
        var rows = new List<object>();
        for (var i = 0; i < 48; i++)
        {
            var spam = i % 2 == 0;
            var pool = spam ? Spam : Ham;
            var text = $"{pool[i / 2 % pool.Length]} ({i / 12 + 1})";
            var flipped = i is 4 or 11 or 26 or 37;
            rows.Add(new { id = $"m{i}", text, label = spam ^ flipped ? "spam" : "ham" });
        }
        var jsonl = string.Concat(rows.Select(r => JsonSerializer.Serialize(r) + "\n"));
        using var body = new StringContent(jsonl, System.Text.Encoding.UTF8, "application/x-ndjson");
        using var response = await server.Client.PostAsync($"/api/projects/{projectId}/import?filename=m.jsonl&id_field=id&label_field=label", body, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode);
    }

    private static async Task<long> ItemIdAsync(ILocator current) =>
        long.Parse(await current.GetAttributeAsync("data-item-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The item's latest annotation once it is a review: the page counts a decision when it is made and sends it in
    /// the background, so the server may not have stored it yet when the tally shows.
    /// </summary>
    private static async Task<JsonElement> LastAsync(UiServer server, long projectId, long itemId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var history = (await server.GetAsync($"/api/projects/{projectId}/items/{itemId}")).GetProperty("history");
            var last = history[history.GetArrayLength() - 1];
            if (last.GetProperty("kind").GetString() == "review" || attempt == 600)
                return last;
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
