using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

public class LeaseAndSafetyTests(BrowserFixture browser)
{
    private static async Task<long> ProjectAsync(UiServer server, IEnumerable<(string, string)> rows)
    {
        var project = await server.PostAsync("/api/projects", new { name = "p" + Guid.NewGuid().ToString("N")[..8], labels = new[] { "ham", "spam" } });
        var id = project.GetProperty("id").GetInt64();
        await server.ImportAsync(id, rows);
        return id;
    }

    [Fact]
    public async Task Two_annotators_labeling_one_project_never_get_the_same_item()
    {
        await using var server = await UiServer.StartAsync();
        var id = await ProjectAsync(server, Enumerable.Range(1, 40).Select(i => ($"t{i}", $"text number {i}")));
        var alice = new AnnotatePageDriver(await browser.NewPageAsync(server, "alice"));
        var bob = new AnnotatePageDriver(await browser.NewPageAsync(server, "bob"));
        await alice.Page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        await bob.Page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var seen = new Dictionary<string, List<long>> { ["alice"] = [], ["bob"] = [] };
        var shown = new Dictionary<string, long> { ["alice"] = await alice.WaitForItemAsync(), ["bob"] = await bob.WaitForItemAsync() };

        for (var n = 0; n < 12; n++)
        {
            foreach (var (name, driver) in new[] { ("alice", alice), ("bob", bob) })
            {
                seen[name].Add(shown[name]);
                shown[name] = await driver.PressAndWaitAsync("1", shown[name]);
            }
        }
        await alice.WaitForNothingPendingAsync();
        await bob.WaitForNothingPendingAsync();

        Assert.Empty(seen["alice"].Intersect(seen["bob"]));
        Assert.Equal(24, seen["alice"].Concat(seen["bob"]).Distinct().Count());
        var progress = await (await server.AsAsync("alice")).GetAsync($"/api/projects/{id}/queue/progress?annotator=alice");
        Assert.Equal(12, progress.GetProperty("annotator_done").GetInt32());
        Assert.Equal(24, progress.GetProperty("project_done").GetInt32());
    }

    [Fact]
    public async Task An_item_holding_html_and_script_renders_as_inert_text()
    {
        const string payload = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script><b>bold?</b>";
        await using var server = await UiServer.StartAsync();
        var id = await ProjectAsync(server, [("x1", payload)]);
        var page = await browser.NewPageAsync(server, "mallory");
        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var driver = new AnnotatePageDriver(page);
        await driver.WaitForItemAsync();

        Assert.Equal(payload, await driver.TextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=item-text] img, [data-testid=item-text] script, [data-testid=item-text] b").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__xss === undefined"));
    }

    [Fact]
    public async Task Help_filter_box_and_guidelines_work_from_the_keyboard()
    {
        await using var server = await UiServer.StartAsync();
        var id = await ProjectAsync(server, [("a", "first"), ("b", "second")]);
        await server.PostAsync($"/api/projects/{id}/labels", new { name = "promo", parent = "spam", description = "advertising", hotkey = "p" });
        using var guidelines = new StringContent("{\"markdown\":\"# Rules\\n<script>window.__g=1</script>Label **spam** when selling `List<T>`.\"}", System.Text.Encoding.UTF8, "application/json");
        (await server.Client.PutAsync($"/api/projects/{id}/guidelines", guidelines, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(server, "carol");
        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var driver = new AnnotatePageDriver(page);
        var first = await driver.WaitForItemAsync();

        await page.Keyboard.PressAsync("?");
        await page.GetByRole(AriaRole.Dialog).WaitForAsync();
        await Screenshots.TakeAsync(page, "shortcuts");
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("g");
        await page.Locator("[data-testid=guidelines] h1", new PageLocatorOptions { HasText = "Rules" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=guidelines] script").CountAsync());
        // Raw HTML shows as text while the Markdown around it renders, and '<' in a code span shows as '<'.
        Assert.Equal("spam", await page.Locator("[data-testid=guidelines] strong").InnerTextAsync());
        Assert.Equal("List<T>", await page.Locator("[data-testid=guidelines] code").InnerTextAsync());
        await Screenshots.TakeAsync(page, "guidelines");
        await page.Keyboard.PressAsync("g");
        await page.Keyboard.PressAsync("/");
        await page.WaitForFunctionAsync("() => document.activeElement?.getAttribute('aria-label') === 'Find a label'");
        await page.Keyboard.TypeAsync("advert");
        await Screenshots.TakeAsync(page, "label-filter");
        var second = await driver.PressAndWaitAsync("Enter", first);
        Assert.NotEqual(first, second);
        await driver.WaitForNothingPendingAsync();
        var history = (await server.GetAsync($"/api/projects/{id}/items/{first}")).GetProperty("history");
        Assert.Equal("promo", history[0].GetProperty("labels")[0].GetString());
    }
}
