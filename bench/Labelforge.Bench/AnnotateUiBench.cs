using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Labelforge.Server.Hosting;
using Microsoft.Playwright;

using Labelforge.Tests;

namespace Labelforge.Bench;

/// <summary>
/// Item-switch latency of the annotate page in headless Debian Chromium: items labeled by keyboard with 20 ms
/// network latency on every request (Chromium's network emulation; LF_BENCH_LATENCY=route for a route handler), reading the page's own measures: the page's own work (`lf:item-render`, keypress to
/// DOM commit) and the frame-aligned figure (`lf:item-switch`, keypress to the animation frame that paints the
/// item, with the frame number after the keypress). Several rounds with prefetch on, pooled for the p95 and its
/// interval, then one with prefetch off (?prefetch=0). LF_BENCH_ITEMS (500), LF_BENCH_ROUNDS (3) and
/// LF_BENCH_DELAY_MS (20) override.
/// </summary>
internal static class AnnotateUiBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task RunAsync()
    {
        var items = Setting("LF_BENCH_ITEMS", 500);
        var rounds = Setting("LF_BENCH_ROUNDS", 3);
        var delay = Setting("LF_BENCH_DELAY_MS", 20);
        var dir = Directory.CreateTempSubdirectory("lf-bench-ui-");
        try
        {
            await using var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = Path.Combine(dir.FullName, "bench.db"), Port = 0, WebRoot = WebRoot() });
            using var http = await TestAccounts.ClientAsync(server, "admin");
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            Console.WriteLine($"{items} items labeled by keyboard per round, {delay} ms added to every API request ({(RouteLatency ? "Playwright route, serialized" : "Chromium network emulation")}), headless Chromium {browser.Version}, frame interval {await FrameIntervalAsync(browser):F2} ms (median of 120 animation frames)");
            Console.WriteLine();
            Console.WriteLine(SwitchStats.Header);
            Console.WriteLine(SwitchStats.Rule);
            var pooled = new List<SwitchSample>();
            for (var round = 1; round <= rounds; round++)
            {
                var samples = await RoundAsync(http, browser, server, $"bench-prefetch-{round}", items, delay, prefetch: true);
                pooled.AddRange(samples);
                Console.WriteLine(SwitchStats.Row("prefetch on (default)", round.ToString(CultureInfo.InvariantCulture), samples));
            }
            Console.WriteLine(SwitchStats.Row("prefetch on (default)", "all", pooled));
            Console.WriteLine(SwitchStats.Row("prefetch on (default)", "all, next item buffered", pooled.Where(s => !s.Waited).ToList()));
            Console.WriteLine(SwitchStats.Row("prefetch off (?prefetch=0)", "1", await RoundAsync(http, browser, server, "bench-no-prefetch", items, delay, prefetch: false)));
            Console.WriteLine();
            Console.WriteLine("own work = lf:item-render (keypress to DOM commit); to frame = lf:item-switch (keypress to the animation frame that paints the item);");
            Console.WriteLine("first-frame wait = keypress to the first animation frame after it (no page work can shorten it); frame 1 = painted in that first frame;");
            Console.WriteLine("waited for server = the next item was not buffered yet (the keys come faster than the prefetch refills).");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

    private static async Task<IReadOnlyList<SwitchSample>> RoundAsync(HttpClient http, IBrowser browser, LabelforgeServer server, string project, int items, int delay, bool prefetch)
    {
        var projectId = await ProjectAsync(http, items, project);
        return await LabelAsync(browser, server, projectId, items, delay, prefetch);
    }

    /// <summary>The browser's animation-frame interval (60 Hz frame pacing gives 16.7 ms).</summary>
    private static async Task<double> FrameIntervalAsync(IBrowser browser)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        return await page.EvaluateAsync<double>(
            "() => new Promise(done => { const t = []; const f = now => { t.push(now); if (t.length <= 120) requestAnimationFrame(f); else { const d = t.slice(1).map((x, i) => x - t[i]).sort((a, b) => a - b); done(d[d.length >> 1]); } }; requestAnimationFrame(f); })");
    }

    private static async Task<IReadOnlyList<SwitchSample>> LabelAsync(IBrowser browser, LabelforgeServer server, long projectId, int items, int delay, bool prefetch)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        // Signed in as the annotator `bench` through a one-time link (a session cookie), before any latency is set.
        await page.GotoAsync(new Uri(server.Address, "/sign-in?token=" + await TestAccounts.SignInLinkAsync(server, "bench")).ToString());
        if (RouteLatency)
        {
            // Delays each API request in the bench's own route handler. Playwright hands route events to the handler
            // one after another, so at labeling speed the delays queue up behind each other (submissions and claims
            // share them), which no real network does.
            await page.RouteAsync("**/api/**", async route =>
            {
                await Task.Delay(delay);
                await route.ContinueAsync();
            });
        }
        else if (delay > 0)
        {
            // Chromium's own network emulation: every request waits `delay` ms for its answer, concurrently, as on a
            // network `delay` ms away.
            var cdp = await context.NewCDPSessionAsync(page);
            await cdp.SendAsync("Network.enable");
            await cdp.SendAsync("Network.emulateNetworkConditions", new Dictionary<string, object>
            {
                ["offline"] = false, ["latency"] = delay, ["downloadThroughput"] = -1, ["uploadThroughput"] = -1,
            });
        }
        await page.GotoAsync(new Uri(server.Address, $"/projects/{projectId}/annotate{(prefetch ? "" : "?prefetch=0")}").ToString());
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
        var renders = await page.EvaluateAsync<double[]>("() => performance.getEntriesByName('lf:item-render').map(e => e.duration)");
        var switches = await page.EvaluateAsync<double[][]>(
            "() => performance.getEntriesByName('lf:item-switch').map(e => [e.duration, e.detail?.frame ?? 0, e.detail?.first_frame_ms ?? -1, e.detail?.waited ? 1 : 0])");
        // Every render is followed by exactly one switch measure, one frame later, so the two lists pair up.
        return switches.Select((s, i) => new SwitchSample(i < renders.Length ? renders[i] : double.NaN, s[0], (int)s[1], s[2], s[3] > 0)).ToList();
    }

    /// <summary>LF_BENCH_LATENCY=route delays requests in a Playwright route handler (serialized) instead of Chromium's network emulation.</summary>
    private static bool RouteLatency => Environment.GetEnvironmentVariable("LF_BENCH_LATENCY") == "route";

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

    /// <summary>The built web UI; LF_BENCH_WEBROOT names another build (e.g. a before/after pair).</summary>
    private static string WebRoot()
    {
        if (Environment.GetEnvironmentVariable("LF_BENCH_WEBROOT") is { Length: > 0 } root)
            return Path.GetFullPath(root);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Labelforge.slnx")))
            dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("run from the repository"), "src", "Labelforge.Server", "wwwroot", "app");
    }
}
