using Microsoft.Playwright;

namespace Labelforge.Ui.Tests;

/// <summary>
/// Saves page screenshots to docs/img/ui-NAME.png when LABELFORGE_SCREENSHOTS=1, so the user guide's pictures
/// come from the same run that tests the pages; ordinary test runs leave the repository untouched.
/// </summary>
internal static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name, bool fullPage = false)
    {
        if (Environment.GetEnvironmentVariable("LABELFORGE_SCREENSHOTS") != "1")
            return;
        var path = Path.Combine(TestPaths.RepoRoot, "docs", "img", $"ui-{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
    }
}
