using Labelforge.Ui.Tests.Adjudication;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Scorecards;

/// <summary>The Annotators tab (scorecards) and the Team settings tab.</summary>
public class AnnotatorsPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_table_flags_the_annotator_whose_gold_interval_is_below_the_threshold()
    {
        await using var server = await UiServer.StartAsync();
        var project = await TeamProject.CreateAsync(server, "team-scorecards");
        await server.PostAsync($"/api/projects/{project.Id}/consensus", new { method = "dawid-skene" }); // for the confusion matrices
        var page = await browser.NewPageAsync(server, "rita");
        await page.GotoAsync($"{server.Url}/projects/{project.Id}/annotators");
        await page.Locator(".tabs a.active", new PageLocatorOptions { HasText = "Annotators" }).WaitForAsync();
        var table = page.Locator("[data-testid=annotators-table]");
        await table.WaitForAsync();
        Assert.Equal(3, await table.Locator("tbody tr").CountAsync());
        var sloppy = table.Locator("tr[data-annotator=sloppy]");
        Assert.Equal("flagged", await sloppy.GetAttributeAsync("class"));
        Assert.Contains("0% (0–28%)", await sloppy.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await table.Locator("tr.flagged:not([data-annotator=sloppy])").CountAsync());
        Assert.Contains("sloppy is below the gold accuracy threshold", await page.Locator("[data-testid=annotators-flagged]").InnerTextAsync(), StringComparison.Ordinal);
        // Three weeks of labels: a sparkline per trend, its weeks in the accessible name.
        var trend = table.Locator("tr[data-annotator=ana] svg.sparkline").First;
        Assert.Contains("2026-W48: 8", await trend.GetAttributeAsync("aria-label") ?? "", StringComparison.Ordinal);

        // A row selected by keyboard shows that annotator's Dawid-Skene confusion matrix.
        await sloppy.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var confusion = page.Locator("[data-testid=confusion]");
        await confusion.WaitForAsync();
        Assert.Contains("sloppy: P(answer | true class), Dawid-Skene run 2", await confusion.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(9, await confusion.Locator("tbody td").CountAsync());
        await Screenshots.TakeAsync(page, "annotators", fullPage: true);
    }

    [Fact]
    public async Task Team_settings_save_adaptive_overlap_and_gold_rate_and_show_the_servers_objection()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "team-settings", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        var page = await browser.NewPageAsync(server, "rita");
        await page.GotoAsync($"{server.Url}/projects/{id}/team");
        await page.Locator(".tabs a.active", new PageLocatorOptions { HasText = "Team settings" }).WaitForAsync();
        var form = page.Locator("[data-testid=overlap-form]");
        await form.GetByLabel("Adaptive").CheckAsync();
        await page.FillAsync("[data-testid=overlap-min]", "3");
        await page.FillAsync("[data-testid=overlap-max]", "2");
        await page.FillAsync("[data-testid=gold-rate]", "5");
        await page.Locator("[data-testid=overlap-max]").PressAsync("Enter");
        await form.Locator(".error", new LocatorLocatorOptions { HasText = "must be at least min-overlap" }).WaitForAsync();

        await page.FillAsync("[data-testid=overlap-min]", "2");
        await page.FillAsync("[data-testid=overlap-max]", "4");
        await page.FillAsync("[data-testid=overlap-target]", "0.95");
        await page.Locator("[data-testid=overlap-max]").PressAsync("Enter");
        await form.Locator(".notice", new LocatorLocatorOptions { HasText = "Saved" }).WaitForAsync();
        var settings = await server.GetAsync($"/api/projects/{id}/queue/settings");
        Assert.Equal(("adaptive", 2, 4, 0.95, 0.05), (settings.GetProperty("overlap_mode").GetString(), settings.GetProperty("min_overlap").GetInt32(),
            settings.GetProperty("max_overlap").GetInt32(), settings.GetProperty("target_confidence").GetDouble(), settings.GetProperty("gold_rate").GetDouble()));

        await page.FillAsync("[data-testid=gold-threshold]", "90");
        await page.ClickAsync("[data-testid=save-consensus]");
        await page.Locator("[data-testid=consensus-form] .notice", new PageLocatorOptions { HasText = "Saved" }).WaitForAsync();
        Assert.Equal(0.9, (await server.GetAsync($"/api/projects/{id}/consensus/settings")).GetProperty("gold_accuracy_threshold").GetDouble());
        await Screenshots.TakeAsync(page, "team-settings", fullPage: true);
    }
}
