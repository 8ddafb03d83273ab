using System.Globalization;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Guidelines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Agreement;

/// <summary>The Agreement tab: a weekly chart with the guideline change marked, the drop banner, tables, and the metric by keyboard.</summary>
public class AgreementPageTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_drop_after_a_guideline_change_shows_a_banner_and_a_marker_and_the_metric_changes_by_keyboard()
    {
        await using var server = await UiServer.StartAsync();
        var projectId = (await server.PostAsync("/api/projects", new { name = "agree-ui", labels = new[] { "cat", "dog", "bird" } })).GetProperty("id").GetInt64();
        await server.ImportAsync(projectId, Enumerable.Range(0, 80).Select(i => ($"p{i}", $"photo caption {i}")));
        await SeedAsync(server, projectId);

        var page = await browser.NewPageAsync(server, "rita");
        await page.GotoAsync($"{server.Url}/projects/{projectId}/agreement");
        await page.Locator(".tabs a.active", new PageLocatorOptions { HasText = "Agreement" }).WaitForAsync();
        var alert = page.Locator("[data-testid=agreement-alert]");
        await alert.WaitForAsync();
        Assert.Contains("in guideline version 2", await alert.InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("[data-testid=agreement-chart] .marker", new PageLocatorOptions { HasText = "G2" }).WaitForAsync();
        Assert.Equal(4, await page.Locator("[data-testid=agreement-weeks] tbody tr").CountAsync());
        await page.Locator("[data-testid=agreement-labels] tbody tr").First.WaitForAsync();
        Assert.Equal(3, await page.Locator("[data-testid=agreement-labels] tbody tr").CountAsync());
        Assert.Equal(3, await page.Locator("[data-testid=agreement-pairs] tbody tr").CountAsync());
        Assert.StartsWith("Krippendorff's alpha", await page.Locator("[data-testid=agreement-overall]").InnerTextAsync(), StringComparison.Ordinal);
        await Screenshots.TakeAsync(page, "agreement", fullPage: true);

        // The metric selector works from the keyboard.
        await page.Locator("select").FocusAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Locator("[data-testid=agreement-overall]", new PageLocatorOptions { HasText = "Fleiss' kappa" }).WaitForAsync();
    }

    /// <summary>
    /// Four weeks of three annotators on 20 items a week: under guideline v1 (weeks 1-2) they agree 95% of the time,
    /// under v2 (weeks 3-4, the guidelines changed at the start of week 3) a third of the time.
    /// </summary>
    private static async Task SeedAsync(UiServer server, long projectId)
    {
        await using var scope = server.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
        var items = await db.Items.Where(i => i.ProjectId == projectId).OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct);
        var labels = await db.Labels.Where(l => l.ProjectId == projectId).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(Ct);
        var project = await db.Projects.SingleAsync(p => p.Id == projectId, Ct);
        var monday = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
        var change = monday.AddDays(14);
        // The first version is dated before labeling, the second at the change.
        await db.GuidelineVersions.Where(g => g.ProjectId == projectId).ExecuteUpdateAsync(s => s.SetProperty(g => g.CreatedAt, monday.AddDays(-1)), Ct);
        db.GuidelineVersions.Add(new GuidelineVersion { ProjectId = projectId, Version = 2, Text = "new rules", Author = "admin", CreatedAt = change });
        project.GuidelineVersion = 2;
        var random = new Random(3);
        for (var i = 0; i < items.Count; i++)
        {
            var week = i / 20;
            var truth = i % labels.Count;
            foreach (var who in new[] { "ann1", "ann2", "ann3" })
            {
                var label = random.NextDouble() < (week < 2 ? 0.95 : 0.33) ? truth : random.Next(labels.Count);
                db.Annotations.Add(new Annotation
                {
                    ProjectId = projectId, ItemId = items[i], Author = who, Kind = "human",
                    LabelIdsJson = $"[{labels[label].ToString(CultureInfo.InvariantCulture)}]", TaxonomyVersion = project.TaxonomyVersion,
                    GuidelineVersion = week < 2 ? 1 : 2, CreatedAt = monday.AddDays(week * 7).AddMinutes(i),
                });
            }
        }
        await db.SaveChangesAsync(Ct);
    }
}
