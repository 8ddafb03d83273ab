using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Labelforge.Ui.Tests.Annotate;

/// <summary>
/// Image objects in a real browser: COCO images imported from a folder; a box drawn by mouse drag, one by keyboard
/// (crosshair, b, Shift+arrows), the view zoomed, a polygon clicked point by point and closed with Enter; the stored
/// coordinates (REST) are the original image's pixels within a pixel of what the screen positions mean at that zoom,
/// and the next image is already decoded when it appears.
/// </summary>
public class ImageObjectsTests(BrowserFixture browser)
{
    private const string Stage = "[data-testid=object-stage]";
    private const string Image = "[data-testid=item-image]";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_box_by_drag_a_box_by_keyboard_and_a_polygon_are_stored_in_original_image_pixels()
    {
        await using var server = await UiServer.StartAsync();
        var project = (await server.PostAsync("/api/projects", new { name = "coco", task_type = "image-objects", labels = new[] { "person", "car" } })).GetProperty("id").GetInt64();
        var images = Path.Combine(server.Folder, "coco");
        Directory.CreateDirectory(images);
        var source = Path.Combine(TestPaths.Datasets, "coco-tiny", "small_coco", "train_2017_small");
        foreach (var file in Directory.GetFiles(source, "*.jpg").Order(StringComparer.Ordinal).Take(3))
            File.Copy(file, Path.Combine(images, Path.GetFileName(file)));
        Assert.Equal(3, (await server.ImportImageFolderAsync(project, images)).Imported);

        var page = await browser.NewPageAsync(server, annotator: "alice");
        await page.GotoAsync($"{server.Url}/projects/{project}/annotate");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=item-image]')?.complete", null, new PageWaitForFunctionOptions { Timeout = 30_000 });
        var itemId = long.Parse(await page.GetAttributeAsync(Image, "data-item-id") ?? "0", CultureInfo.InvariantCulture);
        var (width, height) = (await page.EvalOnSelectorAsync<int>(Image, "img => img.naturalWidth"), await page.EvalOnSelectorAsync<int>(Image, "img => img.naturalHeight"));

        // 1. A "person" box by mouse drag: screen points are image pixels times the stage's scale.
        var (stage, scale) = await StageAsync(page, width);
        await page.Mouse.MoveAsync(ScreenX(stage, scale, 40), ScreenY(stage, scale, 30));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(ScreenX(stage, scale, 100), ScreenY(stage, scale, 80), new MouseMoveOptions { Steps = 5 });
        await page.Mouse.MoveAsync(ScreenX(stage, scale, 160), ScreenY(stage, scale, 120), new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        await page.Locator("[data-testid=object]").First.WaitForAsync();

        // 2. A "car" box by keyboard: Escape (a label key would relabel the selected box), label key 2, b at the
        // crosshair (where the pointer left it), Shift+arrows, b.
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("2");
        var start = await CursorAsync(page);
        AssertNear([160, 120], [start.X, start.Y]);
        var step = Math.Max(1, Math.Round(8 / scale)) * 10;
        await page.Keyboard.PressAsync("b");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await page.Keyboard.PressAsync("Shift+ArrowRight");
        await page.Keyboard.PressAsync("Shift+ArrowDown");
        await page.Keyboard.PressAsync("b");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=object]').length === 2");

        // 3. Zoom in (= or +, around the crosshair), then a "person" polygon clicked at three points and closed with Enter.
        await page.Keyboard.PressAsync("=");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=zoom]')?.textContent === '125%'");
        var (zoomed, zoomedScale) = await StageAsync(page, width);
        Assert.Equal(scale * 1.25, zoomedScale, 3);
        var (cx, cy) = await CursorAsync(page);
        (double X, double Y)[] polygon = [(cx - 60, cy - 50), (cx + 10, cy - 70), (cx - 20, cy - 10)];
        await page.Keyboard.PressAsync("Escape");
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("p");
        foreach (var (x, y) in polygon)
            await page.Mouse.ClickAsync(ScreenX(zoomed, zoomedScale, x), ScreenY(zoomed, zoomedScale, y));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('[data-testid=object]').length === 3");
        await Screenshots.TakeAsync(page, "annotate-objects");
        await page.Keyboard.PressAsync("?");
        await page.Locator(".help").WaitForAsync();
        await Screenshots.TakeAsync(page, "annotate-objects-help");
        await page.Keyboard.PressAsync("Escape");

        // 4. Enter submits; the next image is on screen at once, already decoded.
        await page.WaitForFunctionAsync("() => performance.getEntriesByType('resource').filter(e => e.name.includes('/media?v=')).length >= 3");
        await Task.Delay(300, Ct);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("id => document.querySelector('[data-testid=item-image]')?.dataset.itemId !== String(id)", itemId);
        Assert.Equal("true", await page.GetAttributeAsync(Image, "data-decoded"));
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=pending]')?.textContent?.trim() === 'Pending: 0'");

        var stored = (await server.GetAsync($"/api/projects/{project}/items/{itemId}/annotations")).EnumerateArray().Single();
        var objects = stored.GetProperty("objects").EnumerateArray().ToList();
        Assert.Equal(["person", "car", "person"], objects.Select(o => o.GetProperty("label").GetString()));
        AssertNear([40, 30, 120, 90], Numbers(objects[0].GetProperty("box")));
        AssertNear([start.X, start.Y, 2 * step, step], Numbers(objects[1].GetProperty("box")));
        var points = objects[2].GetProperty("polygon").EnumerateArray().Select(Numbers).ToList();
        Assert.Equal(3, points.Count);
        for (var i = 0; i < 3; i++)
            AssertNear([polygon[i].X, polygon[i].Y], points[i]);
    }

    private static void AssertNear(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1, $"coordinate {i}: expected {expected[i]} within a pixel, stored {actual[i]} ({string.Join(", ", actual)})");
    }

    private static double[] Numbers(JsonElement array) => [.. array.EnumerateArray().Select(n => n.GetDouble())];

    private static float ScreenX(ElementHandleBoundingBoxResult stage, double scale, double x) => (float)(stage.X + x * scale);

    private static float ScreenY(ElementHandleBoundingBoxResult stage, double scale, double y) => (float)(stage.Y + y * scale);

    /// <summary>The stage's box on screen and its scale (screen pixels per image pixel).</summary>
    private static async Task<(ElementHandleBoundingBoxResult Box, double Scale)> StageAsync(IPage page, int width)
    {
        var box = await (await page.QuerySelectorAsync(Stage))!.BoundingBoxAsync() ?? throw new InvalidOperationException("no stage");
        return (box, box.Width / width);
    }

    private static async Task<(double X, double Y)> CursorAsync(IPage page)
    {
        var parts = (await page.GetAttributeAsync("[data-testid=object-overlay]", "data-cursor") ?? "").Split(',');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
