using Microsoft.Playwright;

namespace Labelforge.Ui.Tests;

/// <summary>Reads and drives the annotate page the way a keyboard-only annotator does.</summary>
internal sealed class AnnotatePageDriver(IPage page)
{
    private const string ItemText = "[data-testid=item-text]";

    public IPage Page => page;

    public async Task<long> WaitForItemAsync()
    {
        var element = page.Locator(ItemText);
        await element.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return long.Parse(await element.GetAttributeAsync("data-item-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<string> TextAsync() => page.Locator(ItemText).InnerTextAsync();

    /// <summary>Presses a key and waits until a different item (or the end of the queue) is on screen.</summary>
    public async Task<long> PressAndWaitAsync(string key, long shownId)
    {
        await page.Keyboard.PressAsync(key);
        await page.WaitForFunctionAsync(
            "id => { const el = document.querySelector('[data-testid=item-text]'); return el ? el.dataset.itemId !== String(id) : (document.querySelector('[data-testid=queue-state]')?.textContent ?? '').startsWith('Nothing'); }",
            shownId, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var current = page.Locator(ItemText);
        return await current.CountAsync() == 0 ? 0 : long.Parse(await current.GetAttributeAsync("data-item-id") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until every label the page queued has reached the server.</summary>
    public Task WaitForNothingPendingAsync() =>
        page.WaitForFunctionAsync("() => document.querySelector('[data-testid=pending]')?.textContent?.trim() === 'Pending: 0'",
            null, new PageWaitForFunctionOptions { Timeout = 60_000 });
}
