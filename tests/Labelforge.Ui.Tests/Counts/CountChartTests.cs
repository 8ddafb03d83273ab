using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Counts;

/// <summary>Items per label and per annotator, in the annotate page's sidebar and on the project's progress tab.</summary>
public class CountChartTests(BrowserFixture browser)
{
    private static async Task<Dictionary<string, string>> ChartAsync(IPage page, string chart)
    {
        var rows = page.Locator($"[data-testid={chart}] li");
        var result = new Dictionary<string, string>();
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var name = (await row.Locator(".count-name").InnerTextAsync()).Replace("you", "", StringComparison.Ordinal).Trim();
            result[name] = (await row.Locator(".count-value").InnerTextAsync()).Trim();
        }
        return result;
    }

    [Fact]
    public async Task Labels_by_keyboard_show_up_in_the_sidebar_and_progress_charts()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "tickets", labels = new[] { "billing", "bug", "other" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(id, Enumerable.Range(1, 12).Select(i => ($"t{i}", $"Ticket {i}: something about the product.")));
        await (await server.AsAsync("bob")).PostAsync($"/api/projects/{id}/annotations", new { item_id = (await server.GetAsync($"/api/projects/{id}/items"))
            .GetProperty("items")[11].GetProperty("id").GetInt64(), author = "bob", labels = new[] { "bug" } });
        var page = await browser.NewPageAsync(server, "alice");
        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var driver = new AnnotatePageDriver(page);
        var shown = await driver.WaitForItemAsync();
        foreach (var key in new[] { "1", "1", "2", "1", "3" })
            shown = await driver.PressAndWaitAsync(key, shown);
        await driver.WaitForNothingPendingAsync();

        // The sidebar refreshes its counts every few seconds.
        var sidebar = page.Locator(".labels-pane [data-testid=label-counts]");
        await sidebar.Locator("li:has-text('billing') .count-value:text-is('3')").WaitForAsync();
        Assert.Equal(new Dictionary<string, string> { ["billing"] = "3", ["bug"] = "2", ["other"] = "1" }, await ChartAsync(page, "label-counts"));
        await page.Locator("[data-testid=annotator-counts] li:has-text('alice') .count-value:text-is('5')").WaitForAsync();
        Assert.Equal(new Dictionary<string, string> { ["alice"] = "5", ["bob"] = "1" }, await ChartAsync(page, "annotator-counts"));
        await Screenshots.TakeAsync(page, "annotate-counts");

        await page.GotoAsync($"{server.Url}/projects/{id}");
        await page.Locator("[data-testid=progress-panel]").WaitForAsync();
        Assert.Contains("6 / 12 labeled", await page.Locator("[data-testid=progress-panel] .progress").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string> { ["billing"] = "3", ["bug"] = "2", ["other"] = "1" }, await ChartAsync(page, "label-counts"));
        Assert.Equal(new Dictionary<string, string> { ["alice"] = "5", ["bob"] = "1" }, await ChartAsync(page, "annotator-counts"));
        await Screenshots.TakeAsync(page, "progress");
    }
}
