using Labelforge.Core.Accounts;
using Labelforge.Tests;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Privacy;

/// <summary>
/// The project's personal-data masking page: a manager turns detectors on and adds words by keyboard, watches the
/// preview mask a sample item before saving, saves with Ctrl+S and scans the project; an annotator is refused.
/// </summary>
public class PrivacyPageTests(BrowserFixture browser)
{
    private const string Personal = "Ada Lovelace asks for a refund: write to ada.l@example.org or call +44 20 7946 0958.";

    [Fact]
    public async Task A_manager_previews_masking_before_saving_and_the_report_counts_what_the_saved_setting_finds()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "support", labels = new[] { "billing", "bug" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(id, [("t1", "The app crashes on start."), ("t2", Personal), ("t3", "Invoice sent twice, see 10.1.2.3 logs.")]);
        var page = await browser.NewPageAsync(server, "admin");
        await page.GotoAsync($"{server.Url}/projects/{id}/privacy");
        var masked = page.GetByTestId("pii-masked");
        await masked.WaitForAsync();
        Assert.Equal("The app crashes on start.", (await masked.InnerTextAsync()).Trim()); // nothing on yet: the first item, as stored

        // Keyboard only: focus the e-mail detector, Space; Tab to phone, Space; then the word list.
        await page.GetByLabel("E-mail addresses").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Space");
        await page.GetByLabel("Words to mask").FocusAsync();
        await page.Keyboard.TypeAsync("ada lovelace");
        await page.Locator("[data-testid=pii-masked]:has-text('[EMAIL]')").WaitForAsync();
        Assert.Equal("[PII] asks for a refund: write to [EMAIL] or call [PHONE].", (await masked.InnerTextAsync()).Trim());
        Assert.Equal(["Ada Lovelace", "ada.l@example.org", "+44 20 7946 0958"], await page.Locator("[data-testid=pii-original] mark").AllInnerTextsAsync());
        Assert.Contains("1 × [EMAIL], 1 × [PHONE], 1 × [PII]", await page.GetByTestId("pii-sample").InnerTextAsync(), StringComparison.Ordinal);
        // Not saved yet: annotators still get the stored text.
        Assert.Empty((await server.GetAsync($"/api/projects/{id}/pii")).GetProperty("detectors").EnumerateArray());

        // A bad pattern is explained where the preview was; fixing it brings the preview back.
        await page.GetByLabel("Pattern").FillAsync("(unclosed");
        await page.Locator("[data-testid=pii-preview] [role=alert]:has-text('not a regular expression')").WaitForAsync();
        await page.GetByLabel("Pattern").FillAsync(@"\bINV-\d+\b");
        await page.Locator("[data-testid=pii-masked]:has-text('[EMAIL]')").WaitForAsync();

        await page.Keyboard.PressAsync("Control+s");
        await page.Locator("[data-testid=pii-status]:has-text('Saved')").WaitForAsync();
        var saved = await server.GetAsync($"/api/projects/{id}/pii");
        Assert.Equal(["email", "phone"], saved.GetProperty("detectors").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["ada lovelace"], saved.GetProperty("words").EnumerateArray().Select(d => d.GetString()));

        // Another item by id, then the report over the whole project.
        await page.GetByLabel("Item id").FillAsync("3");
        await page.Locator("[data-testid=pii-sample]:has-text('Item 3')").WaitForAsync();
        Assert.Equal("Invoice sent twice, see 10.1.2.3 logs.", (await masked.InnerTextAsync()).Trim());
        await page.GetByRole(AriaRole.Button, new() { Name = "Scan all items" }).ClickAsync();
        await page.GetByTestId("pii-report").WaitForAsync();
        Assert.Contains("1 of 3 items hold personal data.", await page.GetByTestId("pii-report").InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByLabel("Item id").FillAsync("");
        await page.Locator("[data-testid=pii-masked]:has-text('[EMAIL]')").WaitForAsync();
        await Screenshots.TakeAsync(page, "privacy", fullPage: true);

        // After a reload the saved setting is what the form shows.
        await page.ReloadAsync();
        await page.Locator("[data-testid=pii-masked]:has-text('[EMAIL]')").WaitForAsync();
        Assert.True(await page.GetByLabel("E-mail addresses").IsCheckedAsync());
        Assert.False(await page.GetByLabel("IP addresses (v4 and v6)").IsCheckedAsync());
        Assert.Equal("ada lovelace", await page.GetByLabel("Words to mask").InputValueAsync());
    }

    [Fact]
    public async Task An_annotator_is_told_the_page_is_for_managers_and_sees_no_stored_text()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "support", labels = new[] { "billing" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(id, [("t1", Personal)]);
        await TestAccounts.TokenAsync(server.Server, "anna", InstanceRole.Member);
        await TestAccounts.JoinAsync(server.Server, id, "anna", ProjectRole.Annotator);
        var page = await browser.NewPageAsync(server, "anna");
        await page.GotoAsync($"{server.Url}/projects/{id}/privacy");
        await page.Locator("[role=alert]:has-text('Only the project’s managers')").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("pii-preview").CountAsync());
        Assert.DoesNotContain("ada.l@example.org", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
