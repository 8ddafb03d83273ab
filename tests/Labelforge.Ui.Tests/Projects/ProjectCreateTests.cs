using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Projects;

/// <summary>The project list's create form: the task type is chosen there, by keyboard, and multi-label is offered only where items get whole labels.</summary>
public class ProjectCreateTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_text_spans_project_is_created_from_the_form_by_keyboard()
    {
        await using var server = await UiServer.StartAsync();
        var page = await browser.NewPageAsync(server, "admin");
        await page.GotoAsync($"{server.Url}/");
        var form = page.Locator("form:has(h2:text-is('New project'))");
        await form.WaitForAsync();
        Assert.True(await form.Locator("[data-testid=task-type-text-classification]").IsCheckedAsync());
        Assert.True(await form.Locator("input[name=multi]").IsVisibleAsync());

        await form.Locator("input[name=name]").FillAsync("entities");
        // Arrow keys move through a radio group: from text classification down to text spans.
        await form.Locator("[data-testid=task-type-text-classification]").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await form.Locator("[data-testid=task-type-text-spans]").IsCheckedAsync());
        Assert.Equal(0, await form.Locator("input[name=multi]").CountAsync());
        await form.Locator("input[name=labels]").FillAsync("person, location");
        await form.Locator("input[name=labels]").PressAsync("Enter");

        var row = page.Locator("table.grid tr:has-text('entities')");
        await row.WaitForAsync();
        Assert.Contains("text-spans", await row.InnerTextAsync(), StringComparison.Ordinal);
        var project = (await server.GetAsync("/api/projects")).EnumerateArray().Single(p => p.GetProperty("name").GetString() == "entities");
        Assert.Equal(("text-spans", false), (project.GetProperty("task_type").GetString(), project.GetProperty("multi_label").GetBoolean()));
        await Screenshots.TakeAsync(page, "project-create");

        await form.Locator("input[name=name]").FillAsync("photos");
        await form.Locator("[data-testid=task-type-image-objects]").CheckAsync();
        await form.Locator("input[name=labels]").FillAsync("cat, dog");
        await form.Locator("button[type=submit]").ClickAsync();
        await page.Locator("table.grid tr:has-text('photos'):has-text('image-objects')").WaitForAsync();
    }
}
