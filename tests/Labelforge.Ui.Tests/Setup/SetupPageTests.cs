using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Setup;

/// <summary>Project setup in the browser: taxonomy operations with history, guidelines preview, import report, data browser.</summary>
public class SetupPageTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Taxonomy_operations_guidelines_import_and_data_browser_work_in_the_ui()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "support", labels = new[] { "billing", "bug", "other" } })).GetProperty("id").GetInt64();
        var page = await browser.NewPageAsync(server, "dana");
        await page.GotoAsync($"{server.Url}/projects/{id}/taxonomy");
        // The form resolves label names against the loaded tree: wait for it (and the first version) on a slow start.
        await page.Locator(".history li").First.WaitForAsync();

        await ApplyAsync(page, "add", "refund", "billing");
        await ApplyAsync(page, "rename", "other", "misc");
        await ApplyAsync(page, "move", "refund", "");
        await ApplyAsync(page, "deprecate", "misc", null);
        await ApplyAsync(page, "split", "bug", "crash, glitch");
        await ApplyAsync(page, "merge", "glitch", "crash");
        await page.Locator(".history li").First.WaitForAsync();
        Assert.Equal(7, await page.Locator(".history li").CountAsync()); // creation and six operations

        // Click a label to edit its description, hotkey and color: one "edit" version.
        await page.ClickAsync(".tree button.tree-label:has-text('billing')");
        var editor = page.Locator("[data-testid=label-editor]");
        await editor.Locator("textarea").FillAsync("Invoices, charges and refunds");
        await editor.Locator("input.hotkey-input").FillAsync("b");
        await editor.Locator("input[type=color]").FillAsync("#2a9d8f");
        await Screenshots.TakeAsync(page, "setup-label-editor");
        await editor.Locator("button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.history li').length === 8 && !document.querySelector('[data-testid=label-editor]')");
        var billing = page.Locator(".tree li", new PageLocatorOptions { Has = page.Locator("button.tree-label:text-is('billing')") }).First;
        // The tree and the history reload separately: wait for the tree to show the edit.
        await billing.Filter(new LocatorFilterOptions { HasText = "Invoices, charges and refunds" }).WaitForAsync();
        Assert.Equal("b", await billing.Locator("> kbd").InnerTextAsync());
        Assert.Equal(1, await billing.Locator("> .swatch").CountAsync());
        Assert.Contains("edit", await page.Locator(".history li").First.InnerTextAsync(), StringComparison.Ordinal);
        // A hotkey another label holds is refused with the server's reason, and nothing changes.
        await page.ClickAsync(".tree button.tree-label:has-text('crash')");
        await editor.Locator("input.hotkey-input").FillAsync("b");
        await editor.Locator("button[type=submit]").ClickAsync();
        await editor.Locator(".error").WaitForAsync();
        await editor.Locator("button:has-text('Cancel')").ClickAsync();
        Assert.Equal(8, await page.Locator(".history li").CountAsync());
        await Screenshots.TakeAsync(page, "setup-taxonomy");

        await page.ClickAsync(".tabs a:has-text('Guidelines')");
        await page.FillAsync("textarea", "# Support rules\n\nUse **billing** for invoices. <img src=x onerror=\"window.__g=1\">");
        await page.Locator("[data-testid=guidelines-preview] strong", new PageLocatorOptions { HasText = "billing" }).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=guidelines-preview] img").CountAsync());
        await page.ClickAsync("button:has-text('Save guidelines')");
        await page.Locator("text=Saved as version 2.").WaitForAsync();
        await Screenshots.TakeAsync(page, "setup-guidelines");

        await page.ClickAsync(".tabs a:has-text('Import')");
        var file = Path.Combine(Path.GetTempPath(), $"lf-ui-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "text,id,label\nmy invoice is wrong,t1,billing\napp crashes on start,t2,crash\n,t3,billing\nhello,t4,nonsense\n", Ct);
        await page.SetInputFilesAsync("input[type=file]", file);
        await page.FillAsync("input[placeholder='(none)'] >> nth=0", "id");
        await page.FillAsync("input[placeholder='(none)'] >> nth=1", "label");
        await page.ClickAsync("button:has-text('Upload')");
        await page.Locator("[data-testid=import-report]").WaitForAsync();
        File.Delete(file);
        Assert.Contains("2 imported", await page.Locator("[data-testid=import-report] p").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("[data-testid=import-report] tbody tr").CountAsync());
        // A Prodigy file: the row its annotator ignored is counted with its reason, a label in another case is noted.
        var prodigy = Path.Combine(Path.GetTempPath(), $"lf-ui-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(prodigy,
            "{\"text\": \"refund my order\", \"label\": \"Billing\", \"answer\": \"accept\"}\n{\"text\": \"k\", \"label\": \"billing\", \"answer\": \"ignore\"}\n", Ct);
        await page.SetInputFilesAsync("input[type=file]", prodigy);
        await page.FillAsync("input[placeholder='(none)'] >> nth=0", "");
        await page.ClickAsync("button:has-text('Upload')");
        await page.Locator("[data-testid=import-ignored]").WaitForAsync();
        File.Delete(prodigy);
        var summary = await page.Locator("[data-testid=import-report] p").First.InnerTextAsync();
        Assert.Contains("1 imported", summary, StringComparison.Ordinal);
        Assert.Contains("1 ignored", summary, StringComparison.Ordinal);
        Assert.Contains("ignore", await page.Locator("[data-testid=import-ignored]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Billing", await page.Locator("[data-testid=import-label-notices]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("100", await page.GetByRole(AriaRole.Progressbar).GetAttributeAsync("aria-valuenow"));
        await Screenshots.TakeAsync(page, "setup-import");

        await page.ClickAsync(".tabs a:has-text('Data')");
        await page.Locator("[data-testid=items-table] tbody tr").First.WaitForAsync();
        await page.FillAsync("input[aria-label='Search text']", "crash");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=items-table] tbody tr').length === 1");
        Assert.Contains("app crashes", await page.Locator("[data-testid=items-table] tbody tr").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("[data-testid=items-table] tbody tr");
        await page.Locator("[data-testid=item-history] td", new PageLocatorOptions { HasText = "import" }).First.WaitForAsync();
        await Screenshots.TakeAsync(page, "setup-data");
    }

    private static async Task ApplyAsync(IPage page, string op, string first, string? second)
    {
        var before = await page.Locator(".history li").CountAsync();
        await page.SelectOptionAsync("select[aria-label=Operation]", op);
        await page.FillAsync(".op-form input >> nth=0", first);
        if (second is not null)
            await page.FillAsync(".op-form input >> nth=1", second);
        await page.ClickAsync(".op-form button");
        await page.WaitForFunctionAsync("n => document.querySelectorAll('.history li').length > n || document.querySelector('.card .error')", before);
        var errors = page.Locator(".card .error");
        var shown = string.Join(" / ", await errors.AllInnerTextsAsync());
        Assert.True(shown.Length == 0, $"{op} {first}: {shown}");
    }
}
