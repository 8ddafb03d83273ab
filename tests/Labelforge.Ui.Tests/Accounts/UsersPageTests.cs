using Labelforge.Core.Accounts;
using Labelforge.Tests;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Accounts;

/// <summary>The admins' users page: add a user, change instance roles with the role select (by keyboard), the last admin stays one.</summary>
public class UsersPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_admin_adds_a_user_and_changes_roles_with_the_select_and_the_audit_log_has_it()
    {
        await using var server = await UiServer.StartAsync();
        var page = await browser.NewPageAsync(server, "admin");
        await page.GotoAsync(server.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        await page.GetByLabel("Role of admin").WaitForAsync();
        Assert.EndsWith("/users", page.Url, StringComparison.Ordinal);

        // Keyboard only: the name, Tab to the role (member), Tab to the password, Enter adds.
        await page.GetByLabel("Name").FocusAsync();
        await page.Keyboard.TypeAsync("dana");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("dana's password");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=users-status]:has-text('Added dana (member)')").WaitForAsync();

        await page.GetByLabel("Role of dana").SelectOptionAsync("admin");
        await page.Locator("[data-testid=users-status]:has-text('dana is now admin')").WaitForAsync();
        var stored = (await server.GetAsync("/api/users")).EnumerateArray().Single(u => u.GetProperty("name").GetString() == "dana");
        Assert.Equal("admin", stored.GetProperty("role").GetString());
        await Screenshots.TakeAsync(page, "users");

        await page.GetByLabel("Role of dana").SelectOptionAsync("member");
        await page.Locator("[data-testid=users-status]:has-text('dana is now member')").WaitForAsync();
        // The only admin cannot be demoted: the page says why and the select shows the stored role again.
        await page.GetByLabel("Role of admin").SelectOptionAsync("member");
        await page.Locator("[role=alert]:has-text('is the only admin; make another user admin first.')").WaitForAsync();
        Assert.Equal("admin", await page.GetByLabel("Role of admin").InputValueAsync());

        // A reload (or a shared link) opens the page again.
        await page.ReloadAsync();
        await page.GetByLabel("Role of dana").WaitForAsync();
        Assert.Equal("member", await page.GetByLabel("Role of dana").InputValueAsync());

        var changes = (await server.GetAsync("/api/audit-log?action=user-role-changed")).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("details").GetProperty("to").GetString()).ToList();
        Assert.Equal(["member", "admin"], changes); // newest first
    }

    [Fact]
    public async Task A_member_has_no_users_link_and_the_page_is_not_theirs()
    {
        await using var server = await UiServer.StartAsync();
        await TestAccounts.TokenAsync(server.Server, "mallory", InstanceRole.Member);
        var page = await browser.NewPageAsync(server, "mallory");
        await page.Locator(".topbar .who").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).CountAsync());
        await page.GotoAsync($"{server.Url}/users");
        await page.Locator(".topbar .who").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("users").CountAsync());
    }
}
