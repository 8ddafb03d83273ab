using Labelforge.Core.Import.Readers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Media;
using Labelforge.Server.Hosting;
using Labelforge.Server.Tests.Features.Media;
using Labelforge.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Bench;

/// <summary>
/// An image project of 100,000 items (LF_BENCH_IMAGES_ITEMS) against the reference, a text project of as many items,
/// on real servers: the items page (first and a deep page), queue claims, progress and counts, then the image itself
/// (whole and a 1 KiB range). The media store counts its lookups and the bytes read from it, to show that browsing and
/// queueing read no image and an image request reads only what it asks for.
/// </summary>
internal static class ImagesBench
{
    private const int Times = 30;
    private const int Warm = 3;

    public static async Task RunAsync()
    {
        var items = int.Parse(Environment.GetEnvironmentVariable("LF_BENCH_IMAGES_ITEMS") ?? "100000", CultureInfo.InvariantCulture);
        // Seeded noise barely compresses, so the PNG is about 64 KiB and a 1 KiB range is a small part of it.
        var pixels = new byte[256 * 256];
        new Random(15).NextBytes(pixels);
        var image = TestImages.Png(256, 256, pixels);
        var text = await MeasureAsync(items, imageProject: false, image);
        var images = await MeasureAsync(items, imageProject: true, image);
        Console.WriteLine($"## Image project of {items:N0} items against a text project of as many (median / p95 ms, {Times} requests each)");
        Console.WriteLine();
        Console.WriteLine("| request | text (reference) | images | images / text (median) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, ms) in images.Rows)
        {
            var reference = text.Rows.FirstOrDefault(r => r.Name == name).Ms;
            Console.WriteLine(reference is null
                ? $"| {name} | n/a | {Percentile(ms, 0.5):F2} / {Percentile(ms, 0.95):F2} | |"
                : $"| {name} | {Percentile(reference, 0.5):F2} / {Percentile(reference, 0.95):F2} | {Percentile(ms, 0.5):F2} / {Percentile(ms, 0.95):F2} | {Percentile(ms, 0.5) / Percentile(reference, 0.5):F2} |");
        }
        Console.WriteLine();
        Console.WriteLine($"- import of the synthetic items: text {text.ImportSeconds:F1} s, images {images.ImportSeconds:F1} s");
        foreach (var note in images.Notes)
            Console.WriteLine($"- {note}");
    }

    private sealed record Result(List<(string Name, List<double> Ms)> Rows, double ImportSeconds, List<string> Notes);

    private static async Task<Result> MeasureAsync(int items, bool imageProject, byte[] image)
    {
        var dir = Path.Combine(Path.GetTempPath(), "lf-bench-images-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var store = new CountingMediaStore(image);
        var notes = new List<string>();
        try
        {
            await using var server = await LabelforgeServer.StartAsync(new ServerOptions { DbPath = Path.Combine(dir, "bench.db"), Port = 0, MediaStore = store });
            using var http = new HttpClient { BaseAddress = server.Address };
            var type = imageProject ? "image-classification" : "text-classification";
            using var created = await http.PostAsJsonAsync("/api/projects", new { name = "bench", task_type = type, labels = new[] { "cat", "dog" } });
            created.EnsureSuccessStatusCode();
            var project = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            var clock = Stopwatch.StartNew();
            using (var scope = server.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
                await scope.ServiceProvider.GetRequiredService<ImportOperations>().ImportAsync(project, "synthetic", ImportFormat.Jsonl, Synthetic(items, imageProject), new ImportOptions());
            }
            var importSeconds = clock.Elapsed.TotalSeconds;
            var rows = new List<(string, List<double>)>
            {
                ("items page 1", await GetAsync(http, $"/api/projects/{project}/items?page=1&page_size=50")),
                ("items page 1,000", await GetAsync(http, $"/api/projects/{project}/items?page=1000&page_size=50")),
                ("queue next (10 items, new annotator)", await ClaimsAsync(http, project)),
                ("progress", await GetAsync(http, $"/api/projects/{project}/queue/progress?annotator=bench-1")),
                ("counts", await GetAsync(http, $"/api/projects/{project}/counts")),
            };
            if (!imageProject)
                return new Result(rows, importSeconds, notes);
            notes.Add($"media store during browsing and queueing: {store.Finds} lookups, {store.BytesRead:N0} bytes read");
            var (finds, bytes) = (store.Finds, store.BytesRead);
            rows.Add(($"image, whole ({image.Length:N0} bytes)", await GetAsync(http, $"/api/projects/{project}/items/1/media")));
            notes.Add($"{Times + Warm} whole-image requests ({Warm} of them warm-up): {store.Finds - finds} lookups, {store.BytesRead - bytes:N0} bytes read ({Times + Warm} × {image.Length:N0})");
            (finds, bytes) = (store.Finds, store.BytesRead);
            rows.Add(("image, 1 KiB range", await GetAsync(http, $"/api/projects/{project}/items/2/media", new RangeHeaderValue(0, 1023))));
            notes.Add($"{Times + Warm} range requests of 1,024 bytes: {store.Finds - finds} lookups, {store.BytesRead - bytes:N0} bytes read ({Times + Warm} × 1,024)");
            return new Result(rows, importSeconds, notes);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<List<double>> GetAsync(HttpClient http, string path, RangeHeaderValue? range = null)
    {
        var ms = new List<double>(Times);
        for (var i = 0; i < Times + Warm; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Range = range;
            var sw = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= Warm)
                ms.Add(sw.Elapsed.TotalMilliseconds); // the first three warm the JIT and the connection
        }
        return ms;
    }

    private static async Task<List<double>> ClaimsAsync(HttpClient http, long project)
    {
        var ms = new List<double>(Times);
        for (var i = 0; i < Times + Warm; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await http.PostAsJsonAsync($"/api/projects/{project}/queue/next", new { annotator = $"bench-{i}", count = 10 });
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            if (i >= Warm)
                ms.Add(sw.Elapsed.TotalMilliseconds);
        }
        return ms;
    }

    /// <summary>Items as the image-folder reader makes them (each with its own media key, no file behind it), or short texts.</summary>
    private static async IAsyncEnumerable<ImportEntry> Synthetic(int items, bool imageProject, [EnumeratorCancellation] CancellationToken ct = default)
    {
        for (var i = 0; i < items; i++)
        {
            ct.ThrowIfCancellationRequested();
            var path = $"img/{i:D7}.png";
            if (!imageProject)
            {
                yield return ImportEntry.Ok(new ImportRecord("synthetic", i + 1, path, $"text of item {i}", $$"""{"text":"text of item {{i}}"}""", []));
                continue;
            }
            var key = MediaKeys.Of(SHA256.HashData(BitConverter.GetBytes(i)), ".png");
            yield return ImportEntry.Ok(new ImportRecord("synthetic", i + 1, path, path,
                $$"""{"image":"{{path}}","media":"{{key}}","width":256,"height":256,"media_type":"image/png"}""", [])
            {
                Hash = MediaKeys.ContentHash(key),
            });
        }
        await Task.CompletedTask;
    }

    private static double Percentile(List<double> ms, double q)
    {
        var sorted = ms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
