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

    /// <summary>A fresh browser context whose local storage already names the annotator (null: the name prompt shows).</summary>
    public async Task<IPage> NewPageAsync(string? annotator)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        if (annotator is not null)
            await context.AddInitScriptAsync($"localStorage.setItem('lf:annotator', {System.Text.Json.JsonSerializer.Serialize(annotator)});");
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
