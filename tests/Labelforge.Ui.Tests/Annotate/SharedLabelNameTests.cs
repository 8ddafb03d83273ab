namespace Labelforge.Ui.Tests.Annotate;

/// <summary>Labels that share a name under different parents: told apart by path in the setup form, the buttons and the filter.</summary>
public class SharedLabelNameTests(BrowserFixture browser)
{
    [Fact]
    public async Task Shared_names_show_their_paths_and_label_items_by_key_and_filter()
    {
        await using var server = await UiServer.StartAsync();
        var project = await server.PostAsync("/api/projects", new { name = "zoo", labels = new[] { "Animals", "Plants" } });
        var id = project.GetProperty("id").GetInt64();
        await server.PostAsync($"/api/projects/{id}/labels", new { name = "Other", parent = "Animals" });
        await server.PostAsync($"/api/projects/{id}/labels", new { name = "Other", parent = "Plants" });
        await server.ImportAsync(id, [("a", "a fern"), ("b", "a moss")]);
        var page = await browser.NewPageAsync(server, "dana");

        // The setup form sends a shared bare name as typed; the server's answer lists the paths to write.
        await page.GotoAsync($"{server.Url}/projects/{id}/taxonomy");
        await page.Locator(".history li").First.WaitForAsync();
        await page.SelectOptionAsync("select[aria-label=Operation]", "add");
        await page.FillAsync(".op-form input >> nth=0", "Cat");
        await page.FillAsync(".op-form input >> nth=1", "Other");
        await page.ClickAsync(".op-form button");
        var error = await page.Locator(".card .error").InnerTextAsync();
        Assert.Contains("label 'Other' is ambiguous: it means 2 labels ('Animals/Other', 'Plants/Other')", error, StringComparison.Ordinal);
        await page.FillAsync(".op-form input >> nth=1", "animals/other");
        await page.ClickAsync(".op-form button");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.history li').length === 4");

        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var driver = new AnnotatePageDriver(page);
        var first = await driver.WaitForItemAsync();
        var buttons = await page.Locator(".label-list button.label > span").AllInnerTextsAsync();
        Assert.Equal(["Animals", "Plants", "Animals › Other", "Plants › Other", "Animals › Other › Cat"], buttons.Select(b => b.Trim()));
        var second = await driver.PressAndWaitAsync("4", first);
        await page.Keyboard.PressAsync("/");
        await page.Keyboard.TypeAsync("animals other");
        await page.Locator(".palette li").First.WaitForAsync();
        Assert.Equal(["Animals › Other", "Animals › Other › Cat"], (await page.Locator(".palette li strong").AllInnerTextsAsync()).Select(t => t.Trim()));
        await driver.PressAndWaitAsync("Enter", second);
        await driver.WaitForNothingPendingAsync();

        Assert.Equal("Plants/Other", (await server.GetAsync($"/api/projects/{id}/items/{first}")).GetProperty("history")[0].GetProperty("labels")[0].GetString());
        Assert.Equal("Animals/Other", (await server.GetAsync($"/api/projects/{id}/items/{second}")).GetProperty("history")[0].GetProperty("labels")[0].GetString());
    }
}
