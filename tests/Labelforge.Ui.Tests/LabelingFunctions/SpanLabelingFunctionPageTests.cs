using System.Text;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.LabelingFunctions;

/// <summary>
/// Labeling functions in a text-spans project: a regex and a keyword set written on the page, applied (no label model),
/// and their spans offered on the annotate page as the item's suggestion, accepted with Enter.
/// </summary>
public class SpanLabelingFunctionPageTests(BrowserFixture browser)
{
    private const string Editor = "textarea[aria-label='Labeling functions (YAML)']";

    private const string Rules = """
        labels: [person, location]
        functions:
          - name: titled
            kind: regex
            pattern: '(?:Mr|Ms|Dr)\. (?<name>[A-Z]\w+)'
            group: name
            label: person
          - name: cities
            kind: keyword
            keywords: [new york, paris]
            label: location
        """;

    [Fact]
    public async Task Span_functions_applied_on_the_page_become_suggestions_on_the_annotate_page()
    {
        await using var server = await UiServer.StartAsync();
        var id = (await server.PostAsync("/api/projects", new { name = "ner", task_type = "text-spans", labels = new[] { "person", "location" } })).GetProperty("id").GetInt64();
        var lines = "{\"text\":\"Dr. Watson flew to New York\"}\n{\"text\":\"nothing to mark here\"}\n";
        using (var body = new StringContent(lines, Encoding.UTF8, "application/x-ndjson"))
        using (var response = await server.Client.PostAsync($"/api/projects/{id}/import?format=spacy-jsonl", body, TestContext.Current.CancellationToken))
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var page = await browser.NewPageAsync(server, "alice");
        await page.GotoAsync($"{server.Url}/projects/{id}/labeling-functions");
        await page.WaitForFunctionAsync($"() => document.querySelector(\"{Editor}\")?.value.includes('labels:')");
        await page.Locator("section.card:has(h2:text-is('Spans'))").WaitForAsync();
        Assert.Equal(0, await page.Locator("button:has-text('Fit and label items')").CountAsync());

        await page.FillAsync(Editor, Rules);
        await page.Locator(Editor).FocusAsync();
        await page.Keyboard.PressAsync("Control+Enter");
        var summary = page.Locator("[data-testid=lf-spans-summary]");
        await summary.WaitForAsync();
        Assert.Contains("2 spans on 1 of 2 items", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("lf:default@1", await summary.InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "lf-spans");

        await page.GotoAsync($"{server.Url}/projects/{id}/annotate");
        var driver = new AnnotatePageDriver(page);
        var shown = await driver.WaitForItemAsync();
        if (!await page.Locator("[data-testid=span-suggestion]").IsVisibleAsync())
            shown = await driver.PressAndWaitAsync("Enter", shown); // the unmarked text came first: submit it as it is
        await page.Locator("[data-testid=span-suggestion]:has-text('lf:default@1')").WaitForAsync();
        Assert.Equal(["Watson", "New York"], (await page.Locator("[data-testid=span]").AllInnerTextsAsync()).Select(t => t[(t.IndexOf('“', StringComparison.Ordinal) + 1)..t.IndexOf('”', StringComparison.Ordinal)]));
        await driver.PressAndWaitAsync("Enter", shown);
        await driver.WaitForNothingPendingAsync();

        var history = await server.GetAsync($"/api/projects/{id}/items/{shown}/annotations");
        var accepted = history.EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "human");
        Assert.Equal("accepted", accepted.GetProperty("suggestion_outcome").GetString());
        Assert.Equal([(4, 10), (19, 27)], accepted.GetProperty("spans").EnumerateArray().Select(s => (s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32())));
    }
}
