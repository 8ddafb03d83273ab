using System.Globalization;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

/// <summary>
/// Image classification in a real browser: MNIST digits imported from a folder, labeled by keyboard (even / odd),
/// each next image already downloaded and decoded when it appears, thumbnails on the data page, labels stored.
/// </summary>
public class ImageClassificationTests(BrowserFixture browser)
{
    private const string Image = "[data-testid=item-image]";

    [Fact]
    public async Task Digits_are_labeled_by_keyboard_with_the_next_image_decoded_before_it_is_shown()
    {
        await using var server = await UiServer.StartAsync();
        var project = (await server.PostAsync("/api/projects", new { name = "digits", task_type = "image-classification", labels = new[] { "even", "odd" } })).GetProperty("id").GetInt64();
        var images = Path.Combine(server.Folder, "digits");
        var written = TestImages.WriteMnist(images, 12, classFolders: true);
        Assert.Equal(12, (await server.ImportImageFolderAsync(project, images)).Imported);
        var digitOf = written.ToDictionary(w => w.Path, w => int.Parse(w.Label, CultureInfo.InvariantCulture));

        var page = await browser.NewPageAsync(server, annotator: "alice");
        await page.GotoAsync($"{server.Url}/projects/{project}/annotate");
        var shown = await WaitForImageAsync(page, 0);
        Assert.Equal(28, await page.EvalOnSelectorAsync<int>(Image, "img => img.naturalWidth"));
        await Screenshots.TakeAsync(page, "annotate-image");
        for (var n = 0; n < 8; n++)
        {
            var path = await page.GetAttributeAsync(Image, "alt") ?? "";
            // The images after this one are fetched and decoded while it is on screen.
            await page.WaitForFunctionAsync("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/media?v=')).length >= 3");
            await Task.Delay(300, TestContext.Current.CancellationToken);
            await page.Keyboard.PressAsync(digitOf[path] % 2 == 0 ? "1" : "2");
            shown = await WaitForImageAsync(page, shown);
            Assert.Equal("true", await page.GetAttributeAsync(Image, "data-decoded"));
        }
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=pending]')?.textContent?.trim() === 'Pending: 0'");

        var items = (await server.GetAsync($"/api/projects/{project}/items?page_size=50")).GetProperty("items").EnumerateArray().ToList();
        var labeled = items.Where(i => i.GetProperty("labels").GetArrayLength() > 0).ToList();
        Assert.Equal(8, labeled.Count);
        foreach (var item in labeled)
            Assert.Equal(digitOf[item.GetProperty("text").GetString()!] % 2 == 0 ? "even" : "odd", item.GetProperty("labels")[0].GetString());

        await page.GotoAsync($"{server.Url}/projects/{project}/data");
        await page.Locator("[data-testid=thumb]").First.WaitForAsync();
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-testid=thumb]')].slice(0, 5).every(i => i.complete && i.naturalWidth === 28)");
        await Screenshots.TakeAsync(page, "setup-data-images");
    }

    /// <summary>Waits until an image item other than <paramref name="previous"/> is on screen; returns its id.</summary>
    private static async Task<long> WaitForImageAsync(IPage page, long previous)
    {
        await page.WaitForFunctionAsync("id => { const el = document.querySelector('[data-testid=item-image]'); return el && el.dataset.itemId !== String(id); }",
            previous, new PageWaitForFunctionOptions { Timeout = 30_000 });
        return long.Parse(await page.GetAttributeAsync(Image, "data-item-id") ?? "0", CultureInfo.InvariantCulture);
    }
}
