using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Labelforge.Ui.Tests.BrowserFixture))]

namespace Labelforge.Ui.Tests;

/// <summary>
/// One headless Debian Chromium for the whole test run (Playwright never downloads a browser here); each test
/// opens its own contexts, so cookies and local storage never leak between tests.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser context signed in as <paramref name="annotator"/> (an admin, made if missing) through a one-time
    /// sign-in link, as the first-run admin signs in, so the page holds a real session cookie; null: not signed in.
    /// </summary>
    internal async Task<IPage> NewPageAsync(UiServer server, string? annotator)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        if (annotator is not null)
            await SignInAsync(page, server, annotator);
        return page;
    }

    internal static async Task SignInAsync(IPage page, UiServer server, string user)
    {
        var link = await TestAccounts.SignInLinkAsync(server.Server, user);
        await page.GotoAsync($"{server.Url}/sign-in?token={link}");
        Assert.Equal($"{server.Url}/", page.Url);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
