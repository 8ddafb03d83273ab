using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Audit;

/// <summary>The admins' audit log page: reached from the top bar, filtered by keyboard alone.</summary>
public class AuditLogPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_opens_the_audit_log_from_the_top_bar_and_filters_it_by_keyboard()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "tickets", labels = new[] { "billing", "bug" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(id, [("t1", "Ticket 1"), ("t2", "Ticket 2")]);
        await server.PostAsync($"/api/projects/{id}/erasures", new { external_id = "t1", reason = "request 5" });
        var page = await browser.NewPageAsync(server, "admin");
        await page.GotoAsync(server.Url);

        await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).ClickAsync();
        await page.Locator(".audit-table tbody tr").First.WaitForAsync();
        Assert.EndsWith("/audit-log", page.Url, StringComparison.Ordinal);
        var actions = await page.Locator(".audit-table tbody td:nth-child(3)").AllInnerTextsAsync();
        Assert.Contains("erasure", actions);
        Assert.Contains("project-created", actions);
        await Screenshots.TakeAsync(page, "audit-log");

        // Keyboard only: focus the action filter, choose "erasure", tab to Apply and press Enter.
        await page.GetByLabel("Action").FocusAsync();
        await page.GetByLabel("Action").SelectOptionAsync("erasure");
        await page.Keyboard.PressAsync("Tab"); // actor
        await page.Keyboard.PressAsync("Tab"); // project id
        await page.Keyboard.PressAsync("Tab"); // since
        await page.Keyboard.PressAsync("Tab"); // Apply
        await page.Keyboard.PressAsync("Enter");
        await page.Locator(".audit-table caption:has-text('1 entry')").WaitForAsync();
        Assert.Equal(["erasure"], await page.Locator(".audit-table tbody td:nth-child(3)").AllInnerTextsAsync());
        Assert.Contains("reason: request 5", await page.Locator(".audit-table tbody td.audit-details").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "audit-log-filtered");
    }

    [Fact]
    public async Task A_member_sees_no_audit_log_link()
    {
        await using var server = await UiServer.StartAsync();
        var page = await browser.NewPageAsync(server, null);
        var link = await TestAccounts.SignInLinkAsync(server.Server, "mallory", Core.Accounts.InstanceRole.Member);
        await page.GotoAsync($"{server.Url}/sign-in?token={link}");
        await page.Locator(".topbar .who").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).CountAsync());
    }
}
