using System.Text.Json;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

/// <summary>
/// The whole labeling loop in a real browser: signed in with a password on the sign-in page, project set up in the UI,
/// 50 items labeled by keyboard with a relabel, a reload and a server outage on the way; then every label is checked
/// through the API to be authored by the signed-in user.
/// </summary>
public class AnnotateFlowTests(BrowserFixture browser)
{
    [Fact]
    public async Task Fifty_items_by_keyboard_survive_a_relabel_a_reload_and_an_outage_stored_once_each()
    {
        await using var server = await UiServer.StartAsync();
        await TestAccounts.TokenAsync(server.Server, "alice", password: "correct horse battery");
        var page = await browser.NewPageAsync(server, annotator: null);
        await page.GotoAsync(server.Url + "/");
        await page.FillAsync("input[name=name]", "alice");
        await Screenshots.TakeAsync(page, "sign-in");
        await page.FillAsync("input[name=password]", "wrong password");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[role=alert]:has-text('Wrong user name or password')").WaitForAsync();
        await page.FillAsync("input[name=password]", "correct horse battery");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("text=Signed in as alice").WaitForAsync();
        await Screenshots.TakeAsync(page, "welcome");
        await page.FillAsync("input[name=name]", "reviews");
        await page.FillAsync("input[name=labels]", "ham, spam");
        await page.ClickAsync("button[type=submit]");
        await page.Locator("td", new PageLocatorOptions { HasText = "reviews" }).WaitForAsync();
        var projectId = (await server.GetAsync("/api/projects"))[0].GetProperty("id").GetInt64();
        await server.ImportAsync(projectId, Enumerable.Range(1, 60).Select(i => ($"r{i}", $"Review {i}: this one is {(i % 3 == 0 ? "spam" : "ham")}.")));
        await page.ReloadAsync();
        await page.Locator("td", new PageLocatorOptions { HasText = "reviews" }).WaitForAsync();
        await Screenshots.TakeAsync(page, "projects");
        await page.ClickAsync("a.button:has-text('Annotate')");

        var driver = new AnnotatePageDriver(page);
        var expected = new Dictionary<long, string>();
        var shown = await driver.WaitForItemAsync();
        await Screenshots.TakeAsync(page, "annotate");
        long previous = 0;
        for (var n = 1; n <= 50; n++)
        {
            Assert.NotEqual(0, shown);
            var label = (await driver.TextAsync()).Contains("spam", StringComparison.Ordinal) ? "spam" : "ham";
            expected[shown] = label;
            previous = shown;
            shown = await driver.PressAndWaitAsync(label == "ham" ? "1" : "2", shown);
            if (n == 10)
                shown = await RelabelPreviousAsync(driver, expected, previous, shown);
            if (n == 20)
            {
                await page.ReloadAsync();
                shown = await driver.WaitForItemAsync();
            }
            if (n == 30)
                await server.StopAsync();
            if (n == 33)
            {
                Assert.NotEqual("Pending: 0", (await page.Locator("[data-testid=pending]").InnerTextAsync()).Trim());
                await Task.Delay(3000, TestContext.Current.CancellationToken);
                await server.RestartAsync();
            }
        }
        await driver.WaitForNothingPendingAsync();

        await AssertStoredOnceAsync(server, projectId, expected, relabeled: 1);
    }

    private static async Task<long> RelabelPreviousAsync(AnnotatePageDriver driver, Dictionary<long, string> expected, long previous, long shown)
    {
        var back = await driver.PressAndWaitAsync("Backspace", shown);
        Assert.Equal(previous, back);
        await driver.Page.Locator(".badge").WaitForAsync();
        var flipped = expected[previous] == "ham" ? "spam" : "ham";
        expected[previous] = flipped;
        var next = await driver.PressAndWaitAsync(flipped == "ham" ? "1" : "2", back);
        Assert.Equal(shown, next);
        return next;
    }

    private static async Task AssertStoredOnceAsync(UiServer server, long projectId, Dictionary<long, string> expected, int relabeled)
    {
        Assert.Equal(50, expected.Count);
        var total = 0;
        foreach (var (itemId, label) in expected)
        {
            var history = (await server.GetAsync($"/api/projects/{projectId}/items/{itemId}")).GetProperty("history")
                .EnumerateArray().Where(a => a.GetProperty("author").GetString() == "alice").ToList();
            Assert.NotEmpty(history);
            Assert.Equal(label, history[^1].GetProperty("labels")[0].GetString());
            Assert.All(history, a => Assert.True(a.GetProperty("time_spent_ms").GetInt64() >= 0));
            Assert.Equal(history.Count, history.Select(a => a.GetProperty("request_id").GetString()).Distinct().Count());
            total += history.Count;
        }
        Assert.Equal(50 + relabeled, total);
        var page = await server.GetAsync($"/api/projects/{projectId}/items?author=alice&page_size=1000");
        Assert.Equal(50, page.GetProperty("total").GetInt32());
    }
}
