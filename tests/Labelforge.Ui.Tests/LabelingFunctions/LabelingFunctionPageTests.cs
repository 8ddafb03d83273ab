using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.LabelingFunctions;

/// <summary>The labeling-functions page: write a set, see errors at their line, save, apply, read the analysis, browse an LF's items, fit a label model.</summary>
public class LabelingFunctionPageTests(BrowserFixture browser)
{
    private const string Editor = "textarea[aria-label='Labeling functions (YAML)']";

    private const string Rules = """
        labels: [ham, spam]
        functions:
          - name: has_link
            kind: regex
            pattern: 'https?://'
            label: spam
          - name: promo_words
            kind: keyword
            keywords: [subscribe, channel, win]
            label: spam
          - name: song_talk
            kind: keyword
            keywords: [song, love, voice]
            label: ham
          - name: short
            kind: csharp
            code: |
              public static class Rules
              {
                  public static string? Praise(LabelingFunctionDocument d) => d.Text.Length < 20 && !d.Text.Contains("http") ? "ham" : null;
              }
        """;

    private static readonly string[] Texts =
    [
        "Check out my channel http://promo.example", "Subscribe and win a phone", "I love this song so much", "Her voice gives me chills",
        "great tune", "win free money at http://win.example", "love the channel, subscribe!", "This song is my childhood",
        "visit https://spam.example now", "<img src=x onerror=\"window.__lf=1\"> love it", "who is listening in 2026?", "nice",
    ];

    [Fact]
    public async Task Write_save_apply_inspect_and_fit_a_labeling_function_set()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "comments", labels = new[] { "ham", "spam" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(id, Texts.Select((t, i) => ($"c{i + 1}", t)));
        var items = (await server.GetAsync($"/api/projects/{id}/items?page_size=50")).GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("external_id").GetString()!, i => i.GetProperty("id").GetInt64());
        foreach (var (external, label) in new[] { ("c1", "spam"), ("c3", "ham"), ("c7", "ham"), ("c9", "spam") })
            await (await server.AsAsync("dana")).PostAsync($"/api/projects/{id}/annotations", new { item_id = items[external], author = "dana", labels = new[] { label } });

        var page = await browser.NewPageAsync(server, "dana");
        await page.GotoAsync($"{server.Url}/projects/{id}/taxonomy");
        await page.ClickAsync(".tabs a:has-text('Labeling functions')");
        await page.WaitForURLAsync($"{server.Url}/projects/{id}/labeling-functions");
        await page.WaitForFunctionAsync($"() => document.querySelector(\"{Editor}\")?.value.includes('labels: [ham, spam]')");
        // The analysis card loads separately from the editor: wait for its answer instead of reading it once.
        await page.Locator("section.card:has(h2:text('Analysis'))").Filter(new() { HasText = "Not applied yet" }).WaitForAsync();

        await page.FillAsync(Editor, Rules.Replace("kind: regex", "kind: regexp", StringComparison.Ordinal));
        await page.ClickAsync("button:text-is('Save')");
        var problem = page.Locator("[data-testid=lf-problems] li").First;
        await problem.WaitForAsync();
        Assert.Contains("Line 4", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("has_link", await problem.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("4", await page.Locator(".gutter .bad").InnerTextAsync());
        await Screenshots.TakeAsync(page, "lf-errors");

        await page.FillAsync(Editor, Rules);
        await page.Keyboard.PressAsync("Control+s");
        await page.Locator("[data-testid=lf-status]:has-text('Saved as version 1')").WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-testid=lf-problems]").CountAsync());

        await page.ClickAsync("button:has-text('Apply to items')");
        await page.Locator("[data-testid=lf-apply-summary]").WaitForAsync();
        Assert.Contains("12 items", await page.Locator("[data-testid=lf-apply-summary]").InnerTextAsync(), StringComparison.Ordinal);
        var rows = page.Locator("[data-testid=lf-analysis] tbody tr");
        await rows.First.WaitForAsync();
        Assert.Equal(4, await rows.CountAsync()); // the C# entry contributes one function, short.Praise
        Assert.Contains("4 with gold labels", await page.Locator("[data-testid=lf-summary]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("25%", await rows.Filter(new LocatorFilterOptions { HasText = "has_link" }).InnerTextAsync(), StringComparison.Ordinal); // 3 of 12

        await rows.Filter(new LocatorFilterOptions { HasText = "song_talk" }).ClickAsync();
        var itemRows = page.Locator("[data-testid=lf-items] tbody tr");
        await itemRows.First.WaitForAsync();
        Assert.Equal(5, await itemRows.CountAsync());
        Assert.Equal(0, await page.Locator("[data-testid=lf-items] img").CountAsync()); // item text is text, never markup
        Assert.Contains("<img src=x", await page.Locator("[data-testid=lf-items]").InnerTextAsync(), StringComparison.Ordinal);
        await page.ClickAsync("[data-testid=lf-items] button:has-text('Conflicts')");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=lf-items] tbody tr').length === 1");
        Assert.Contains("conflict", await itemRows.First.InnerTextAsync(), StringComparison.Ordinal);

        await page.SelectOptionAsync("select[aria-label='Label model']", "matrix-completion");
        await page.ClickAsync("button:has-text('Fit and label items')");
        await page.Locator("[data-testid=lf-balance] tr").First.WaitForAsync();
        Assert.Equal(2, await page.Locator("[data-testid=lf-balance] tr").CountAsync());
        Assert.Equal(4, await page.Locator("[data-testid=lf-weights] tbody tr").CountAsync());
        Assert.Contains("lf:default@1", await page.Locator("[data-testid=lf-fit-result]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.False(await page.EvaluateAsync<bool>("() => window.__lf === 1"));
        await page.ClickAsync("[data-testid=lf-items] button:has-text('All votes')");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=lf-items] tbody tr').length === 5");
        await page.Locator(Editor).EvaluateAsync("e => e.scrollTop = 0");
        await Screenshots.TakeAsync(page, "lf", fullPage: true);

        await page.Locator("[data-testid=lf-analysis] tbody tr").First.FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("[data-testid=lf-items] h2:has-text('promo_words')").WaitForAsync();

        var programmatic = await server.GetAsync($"/api/projects/{id}/items?author=lf:default@1");
        Assert.True(programmatic.GetProperty("total").GetInt32() >= 10);
    }
}
