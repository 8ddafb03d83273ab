using System.Net.Http.Json;
using Labelforge.Core.Accounts;
using Labelforge.Tests;

namespace Labelforge.Ui.Tests.Privacy;

/// <summary>
/// What an annotator's browser shows: only their own project, masked personal data, no export. Gold answers do not
/// exist yet; <see cref="AssertNoGoldAnswersAsync"/> is where their check goes once they do.
/// </summary>
public class AnnotatorViewTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_annotator_never_sees_another_project_an_export_button_gold_answers_or_unmasked_email_addresses()
    {
        await using var server = await UiServer.StartAsync();
        var mine = (await server.PostAsync("/api/projects", new { name = "support-tickets", labels = new[] { "billing", "bug" } })).GetProperty("id").GetInt64();
        var other = (await server.PostAsync("/api/projects", new { name = "secret-hr-cases", labels = new[] { "a", "b" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(mine, [("t1", "Please refund me, write to ann.lee@example.org or call +49 30 1234567")]);
        await server.ImportAsync(other, [("h1", "Confidential case of bob@example.com")]);
        using (var put = await server.Client.PutAsJsonAsync($"/api/projects/{mine}/pii", new { detectors = new[] { "email", "phone" } }, TestContext.Current.CancellationToken))
            put.EnsureSuccessStatusCode();
        await TestAccounts.TokenAsync(server.Server, "anna", InstanceRole.Member);
        await TestAccounts.JoinAsync(server.Server, mine, "anna", ProjectRole.Annotator);

        var page = await browser.NewPageAsync(server, "anna");
        await page.Locator("text=support-tickets").First.WaitForAsync();
        Assert.Equal(0, await page.Locator("text=secret-hr-cases").CountAsync());
        await Screenshots.TakeAsync(page, "annotator-projects");

        var driver = new AnnotatePageDriver(page);
        await page.GotoAsync($"{server.Url}/projects/{mine}/annotate");
        await driver.WaitForItemAsync();
        Assert.Equal("Please refund me, write to [EMAIL] or call [PHONE]", (await driver.TextAsync()).Trim());
        var html = await page.ContentAsync();
        Assert.DoesNotContain("ann.lee@example.org", html, StringComparison.Ordinal);
        Assert.DoesNotContain("1234567", html, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("button:has-text('Export'), a:has-text('Export')").CountAsync());
        await AssertNoGoldAnswersAsync(page);
        await Screenshots.TakeAsync(page, "annotator-masked-item");

        // The other project is not there for them: its page shows no item and its API answers 404.
        await page.GotoAsync($"{server.Url}/projects/{other}/annotate");
        await page.WaitForTimeoutAsync(500);
        Assert.DoesNotContain("bob@example.com", await page.ContentAsync(), StringComparison.Ordinal);
        var response = await page.APIRequest.GetAsync($"{server.Url}/api/projects/{other}/queue/progress");
        Assert.Equal(404, response.Status);
    }

    /// <summary>The place for the gold-answer check (issue 13): nothing on the page may show an item's gold answer.</summary>
    private static async Task AssertNoGoldAnswersAsync(Microsoft.Playwright.IPage page) =>
        Assert.Equal(0, await page.Locator("[data-testid=gold-answer]").CountAsync());
}
