using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Labelforge.Server.Hosting;
using Microsoft.Playwright;

namespace Labelforge.Bench;

/// <summary>
/// Item-switch latency of the annotate page in headless Debian Chromium: 500 items labeled by keyboard with
/// 20 ms added to every API call, reading the page's own `lf:item-switch` measures (keypress to the next
/// painted frame), with prefetch on and off (?prefetch=0). LF_BENCH_ITEMS and LF_BENCH_DELAY_MS override.
/// </summary>
internal static class AnnotateUiBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task RunAsync()
    {
        var items = int.TryParse(Environment.GetEnvironmentVariable("LF_BENCH_ITEMS"), out var n) ? n : 500;
        var delay = int.TryParse(Environment.GetEnvironmentVariable("LF_BENCH_DELAY_MS"), out var d) ? d : 20;
        var dir = Directory.CreateTempSubdirectory("lf-bench-ui-");
        try
        {
            await using var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = Path.Combine(dir.FullName, "bench.db"), Port = 0, WebRoot = WebRoot() });
            using var http = new HttpClient { BaseAddress = server.Address };
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            Console.WriteLine($"{items} items labeled by keyboard, {delay} ms added to every API request (Playwright route), headless Chromium {browser.Version}");
            Console.WriteLine();
            Console.WriteLine("| client | measure | switches | p50 ms | p95 ms | max ms | wall s |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|");
            foreach (var prefetch in new[] { true, false })
            {
                var projectId = await ProjectAsync(http, items, prefetch ? "bench-prefetch" : "bench-no-prefetch");
                var sw = System.Diagnostics.Stopwatch.StartNew();
                var (switches, renders) = await LabelAsync(browser, server.Address, projectId, items, delay, prefetch);
                var name = prefetch ? "prefetch on (default)" : "prefetch off (?prefetch=0)";
                Row(name, "lf:item-switch (to painted frame)", switches, sw.Elapsed);
                Row(name, "lf:item-render (to DOM committed)", renders, sw.Elapsed);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(double[] Switches, double[] Renders)> LabelAsync(IBrowser browser, Uri server, long projectId, int items, int delay, bool prefetch)
    {
        await using var context = await browser.NewContextAsync();
        await context.AddInitScriptAsync("localStorage.setItem('lf:annotator', 'bench');");
        var page = await context.NewPageAsync();
        await page.RouteAsync("**/api/**", async route =>
        {
            await Task.Delay(delay);
            await route.ContinueAsync();
        });
        await page.GotoAsync(new Uri(server, $"/projects/{projectId}/annotate{(prefetch ? "" : "?prefetch=0")}").ToString());
        var shown = await CurrentAsync(page);
        for (var i = 0; i < items; i++)
        {
            await page.Keyboard.PressAsync("1");
            await page.WaitForFunctionAsync(
                "id => { const el = document.querySelector('[data-testid=item-text]'); return el ? el.dataset.itemId !== String(id) : (document.querySelector('[data-testid=queue-state]')?.textContent ?? '').startsWith('Nothing'); }",
                shown, new PageWaitForFunctionOptions { Timeout = 60_000 });
            shown = i + 1 < items ? await CurrentAsync(page) : 0;
        }
        await page.WaitForTimeoutAsync(100);
        return (await page.EvaluateAsync<double[]>("() => performance.getEntriesByName('lf:item-switch').map(e => e.duration)"),
            await page.EvaluateAsync<double[]>("() => performance.getEntriesByName('lf:item-render').map(e => e.duration)"));
    }

    private static async Task<long> CurrentAsync(IPage page)
    {
        var element = page.Locator("[data-testid=item-text]");
        await element.WaitForAsync();
        return long.Parse(await element.GetAttributeAsync("data-item-id") ?? "0", CultureInfo.InvariantCulture);
    }

    private static async Task<long> ProjectAsync(HttpClient http, int items, string name)
    {
        using var create = await http.PostAsJsonAsync("/api/projects", new { name, labels = new[] { "ham", "spam" } }, Json);
        create.EnsureSuccessStatusCode();
        var id = (await create.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var jsonl = new StringBuilder();
        for (var i = 0; i < items; i++)
            jsonl.Append(JsonSerializer.Serialize(new { text = $"Benchmark item {i}: a short review of a product that the annotator reads and labels.", id = $"b{i}" })).Append('\n');
        using var body = new StringContent(jsonl.ToString(), Encoding.UTF8, "application/x-ndjson");
        using var import = await http.PostAsync(new Uri($"/api/projects/{id}/import?filename=bench.jsonl&id_field=id", UriKind.Relative), body);
        import.EnsureSuccessStatusCode();
        return id;
    }

    private static void Row(string name, string measure, double[] durations, TimeSpan wall)
    {
        Array.Sort(durations);
        double Pct(double p) => durations.Length == 0 ? double.NaN : durations[Math.Min(durations.Length - 1, (int)Math.Ceiling(p * durations.Length) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {measure} | {durations.Length} | {Pct(0.50):F1} | {Pct(0.95):F1} | {(durations.Length == 0 ? double.NaN : durations[^1]):F1} | {wall.TotalSeconds:F0} |"));
    }

    private static string WebRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Labelforge.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("run from the repository"), "src", "Labelforge.Server", "wwwroot", "app");
    }
}
