namespace Labelforge.Ui.Tests.Annotate;

public class MultiLabelTests(BrowserFixture browser)
{
    [Fact]
    public async Task Multi_label_keys_toggle_enter_submits_and_s_skips()
    {
        await using var server = await UiServer.StartAsync();
        var project = await server.PostAsync("/api/projects", new { name = "topics", multi_label = true, labels = new[] { "sports", "politics", "tech" } });
        var id = project.GetProperty("id").GetInt64();
        await server.ImportAsync(id, [("a", "first story"), ("b", "second story"), ("c", "third story")]);
        var page = await browser.NewPageAsync(server, "erin");
        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var driver = new AnnotatePageDriver(page);
        var first = await driver.WaitForItemAsync();

        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("3");
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("2");
        Assert.Equal(first, await driver.WaitForItemAsync()); // toggling never advances
        var second = await driver.PressAndWaitAsync("Enter", first);
        var third = await driver.PressAndWaitAsync("s", second);
        Assert.NotEqual(second, third);
        await driver.WaitForNothingPendingAsync();

        var history = (await server.GetAsync($"/api/projects/{id}/items/{first}")).GetProperty("history");
        Assert.Equal(["politics", "tech"], history[0].GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).Order());
        Assert.Equal(0, (await server.GetAsync($"/api/projects/{id}/items/{second}")).GetProperty("history").GetArrayLength());

        // The skip is remembered on the server: after the last item only the skipped one is left, on request.
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=unskip]").WaitForAsync();
        Assert.Contains("1 item you skipped", await page.Locator("[data-testid=queue-state]").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "annotate-skipped");
        await page.ClickAsync("[data-testid=unskip]");
        Assert.Equal(second, await driver.WaitForItemAsync());
    }
}
