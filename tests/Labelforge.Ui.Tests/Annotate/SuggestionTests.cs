using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

/// <summary>
/// Model suggestions on the annotate page: shown with confidence and model version, accepted with Enter, corrected with
/// another label key; the stored labels record accepted / corrected, and items without one are labeled from scratch.
/// </summary>
public class SuggestionTests(BrowserFixture browser)
{
    private static readonly (string Text, string? Suggested, double Confidence)[] Items =
    [
        ("WINNER!! You have been selected for a £900 prize reward. Call 09061701461 to claim, valid 12 hours only.", "spam", 0.97),
        ("URGENT! Your mobile number has won a free holiday. Reply CLAIM to 80488 now.", "spam", 0.91),
        ("Are we still on for lunch tomorrow? I can book the usual table at 1.", "spam", 0.58),
        ("Sorry, I'll call later, in a meeting until four.", "ham", 0.88),
        ("Did you get the notes from Monday's lecture? Can you send them over?", null, 0),
        ("Congratulations! Free entry in 2 a weekly competition to win FA Cup final tickets. Text FA to 87121.", null, 0),
    ];

    [Fact]
    public async Task Enter_accepts_a_suggestion_another_key_corrects_it_and_the_outcomes_are_stored()
    {
        await using var server = await UiServer.StartAsync();
        var projectId = (await server.PostAsync("/api/projects", new { name = "sms", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(projectId, Items.Select((x, i) => ($"s{i + 1}", x.Text)));
        var ids = (await server.GetAsync($"/api/projects/{projectId}/items?page_size=100")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("external_id").GetString()!, i => i.GetProperty("id").GetInt64());
        for (var i = 0; i < Items.Length; i++)
        {
            if (Items[i].Suggested is not { } label)
                continue;
            var other = label == "spam" ? "ham" : "spam";
            await server.PostAsync($"/api/projects/{projectId}/annotations", new
            {
                item_id = ids[$"s{i + 1}"], author = "model:linear@3", kind = "model", labels = new[] { label },
                probabilities = new Dictionary<string, double> { [label] = Items[i].Confidence, [other] = 1 - Items[i].Confidence },
            });
        }

        var page = await browser.NewPageAsync(server, "alice");
        await page.GotoAsync($"{server.Url}/projects/{projectId}/annotate");
        var driver = new AnnotatePageDriver(page);
        var shown = await driver.WaitForItemAsync();
        Assert.Equal(ids["s1"], shown);
        var bar = page.Locator("[data-testid=suggestion]");
        Assert.Contains("spam", await bar.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("97%", await bar.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("linear@3", await bar.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("button.label.suggested", new PageLocatorOptions { HasText = "spam" }).CountAsync());
        await page.Keyboard.PressAsync("?");
        Assert.Contains("accept the model's suggestion", await page.Locator(".help").InnerTextAsync(), StringComparison.Ordinal);
        await page.Keyboard.PressAsync("Escape");
        await Screenshots.TakeAsync(page, "suggestion");

        shown = await driver.PressAndWaitAsync("Enter", shown); // s1 accepted
        shown = await driver.PressAndWaitAsync("Enter", shown); // s2 accepted
        shown = await driver.PressAndWaitAsync("1", shown);     // s3: the model said spam, alice says ham
        shown = await driver.PressAndWaitAsync("Enter", shown); // s4 accepted (ham)
        Assert.Equal(0, await page.Locator("[data-testid=suggestion]").CountAsync());
        await page.Keyboard.PressAsync("Enter"); // no suggestion: Enter does nothing
        Assert.Equal(ids["s5"], await driver.WaitForItemAsync());
        shown = await driver.PressAndWaitAsync("1", shown);
        await driver.PressAndWaitAsync("2", shown);
        await driver.WaitForNothingPendingAsync();

        var expected = new[] { "accepted", "accepted", "corrected", "accepted", null, null };
        for (var i = 0; i < Items.Length; i++)
        {
            var history = (await server.GetAsync($"/api/projects/{projectId}/items/{ids[$"s{i + 1}"]}")).GetProperty("history");
            var alice = history.EnumerateArray().Single(a => a.GetProperty("author").GetString() == "alice");
            Assert.Equal(expected[i], alice.GetProperty("suggestion_outcome").GetString());
        }
        var report = await server.GetAsync($"/api/projects/{projectId}/acceptance");
        Assert.Equal((3, 1, 2), (report.GetProperty("accepted").GetInt32(), report.GetProperty("corrected").GetInt32(), report.GetProperty("scratch").GetInt32()));
    }
}
