using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

/// <summary>Labels whose names hold '/', commas, quotes and other scripts, picked by key and by the label filter.</summary>
public class LabelNameTests(BrowserFixture browser)
{
    [Fact]
    public async Task Awkward_names_show_as_written_and_label_items_by_key_and_filter()
    {
        await using var server = await UiServer.StartAsync();
        string[] names = ["World", "Sci/Tech", "Health, Fitness", "the \"best\"", "رياضة"];
        var project = await server.PostAsync("/api/projects", new { name = "news", labels = names });
        var id = project.GetProperty("id").GetInt64();
        await server.PostAsync($"/api/projects/{id}/labels", new { name = "24/7", parent = "Sci/Tech" });
        await server.ImportAsync(id, [("a", "first story"), ("b", "second story")]);
        var page = await browser.NewPageAsync(server, "dana");
        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var driver = new AnnotatePageDriver(page);
        var first = await driver.WaitForItemAsync();

        var buttons = await page.Locator(".label-list button.label > span").AllInnerTextsAsync();
        Assert.Equal([.. names, "Sci/Tech › 24/7"], buttons.Select(b => b.Trim()));
        var second = await driver.PressAndWaitAsync("2", first);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("24/7");
        await driver.PressAndWaitAsync("Enter", second);
        await driver.WaitForNothingPendingAsync();

        Assert.Equal("Sci/Tech", (await server.GetAsync($"/api/projects/{id}/items/{first}")).GetProperty("history")[0].GetProperty("labels")[0].GetString());
        Assert.Equal("24/7", (await server.GetAsync($"/api/projects/{id}/items/{second}")).GetProperty("history")[0].GetProperty("labels")[0].GetString());
    }
}
