using System.Text.Json;
using Labelforge.Ui.Tests.Adjudication;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Adjudication;

/// <summary>The Adjudication tab: every annotator's label with quality, a decision by label key and one by Enter, without waiting.</summary>
public class AdjudicationPageTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_reviewer_decides_disputed_items_by_keyboard_and_each_decision_is_a_review()
    {
        await using var server = await UiServer.StartAsync();
        var project = await TeamProject.CreateAsync(server, "team-adjudicate");
        var page = await browser.NewPageAsync(server, "rita");
        await page.GotoAsync($"{server.Url}/projects/{project.Id}/adjudication");
        await page.Locator(".tabs a.active", new PageLocatorOptions { HasText = "Adjudication" }).WaitForAsync();
        var current = page.Locator("[data-testid=adjudication-current]");
        await current.WaitForAsync();
        // Gold items are known; the other 14 are open, all three annotators' labels shown with their quality.
        await page.Locator("[data-testid=adjudication-status]", new PageLocatorOptions { HasText = "14 open" }).WaitForAsync();
        var rows = current.Locator("[data-testid=adjudication-answers] tbody tr");
        Assert.Equal(3, await rows.CountAsync());
        Assert.Contains("below threshold", await current.Locator("tr.flagged").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("sloppy", await current.Locator("tr.flagged").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("100% (72–100%)", await rows.Nth(0).InnerTextAsync(), StringComparison.Ordinal); // ana: 10 of 10 gold
        Assert.Equal(3, await current.Locator("[data-testid=adjudication-posterior] li").CountAsync());
        await Screenshots.TakeAsync(page, "adjudication", fullPage: true);

        // A label's key decides that label; the next item shows at once.
        var first = await ItemIdAsync(current);
        await page.Keyboard.PressAsync("3");
        await page.WaitForFunctionAsync("id => document.querySelector('[data-testid=adjudication-current]')?.dataset.itemId !== String(id)", first);
        var second = await ItemIdAsync(current);
        var consensus = await current.Locator("[data-testid=adjudication-posterior] li.top .posterior-name").InnerTextAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=adjudication-tally]", new PageLocatorOptions { HasText = "2 decided" }).WaitForAsync();
        Assert.NotEqual(second, await ItemIdAsync(current));

        var promo = await ReviewAsync(server, project.Id, first);
        Assert.Equal(("rita", "promo"), (promo.GetProperty("author").GetString(), promo.GetProperty("labels")[0].GetString()));
        var taken = await ReviewAsync(server, project.Id, second);
        Assert.Equal(consensus, taken.GetProperty("labels")[0].GetString());

        await page.ReloadAsync();
        await page.Locator("[data-testid=adjudication-status]", new PageLocatorOptions { HasText = "12 open · 2 decided" }).WaitForAsync();

        // Ordering by label errors before any label-error run says what to do, and shows no stale items.
        await page.SelectOptionAsync("[data-testid=adjudication-order]", "label-error");
        await page.Locator("p.error", new PageLocatorOptions { HasText = "find label errors first" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=adjudication-current]").CountAsync());
    }

    private static async Task<long> ItemIdAsync(ILocator current) =>
        long.Parse(await current.GetAttributeAsync("data-item-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The item's review annotation once stored: the page sends decisions in the background.</summary>
    private static async Task<JsonElement> ReviewAsync(UiServer server, long projectId, long itemId)
    {
        for (var attempt = 0; ; attempt++)
        {
            var history = (await server.GetAsync($"/api/projects/{projectId}/items/{itemId}")).GetProperty("history");
            var last = history[history.GetArrayLength() - 1];
            if (last.GetProperty("kind").GetString() == "review" || attempt == 600)
                return last;
            await Task.Delay(50, Ct);
        }
    }
}
