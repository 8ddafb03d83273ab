using Labelforge.Core.Import.Readers;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Features.Media;

/// <summary>
/// A large image project browses and queues without touching a single image: the items page, the queue, progress and
/// counts read the database only, and an image request reads exactly the bytes it asks for.
/// </summary>
public sealed class ImageProjectScaleTests
{
    private const int Items = 10_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Browsing_and_queueing_ten_thousand_image_items_reads_no_image_and_a_range_reads_only_its_bytes()
    {
        var pixels = Enumerable.Range(0, 200 * 200).Select(i => (byte)(i * 7)).ToArray();
        var store = new CountingMediaStore(TestImages.Png(200, 200, pixels));
        await using var server = await TestServer.StartAsync(media: store);
        var project = (await server.PostAsync("/api/projects", new { name = "many", task_type = "image-classification", labels = new[] { "cat", "dog" } })).GetProperty("id").GetInt64();
        using (var scope = server.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
            var report = await scope.ServiceProvider.GetRequiredService<ImportOperations>().ImportAsync(project, "synthetic", ImportFormat.ImageFolder, SyntheticAsync(Ct), new ImportOptions(), ct: Ct);
            Assert.Equal(Items, report.Imported);
        }

        await server.GetAsync($"/api/projects/{project}/items?page=1&page_size=50");
        var last = await server.GetAsync($"/api/projects/{project}/items?page={Items / 50}&page_size=50");
        Assert.Equal(50, last.GetProperty("items").GetArrayLength());
        var next = await server.PostAsync($"/api/projects/{project}/queue/next", new { count = 10 }, 200);
        Assert.Equal(10, next.GetProperty("items").GetArrayLength());
        await server.GetAsync($"/api/projects/{project}/counts");
        await server.GetAsync($"/api/projects/{project}");
        Assert.Equal((0L, 0L), (store.Finds, store.BytesRead));

        var itemId = next.GetProperty("items")[0].GetProperty("id").GetInt64();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/projects/{project}/items/{itemId}/media") { Headers = { Range = new RangeHeaderValue(100, 199) } };
        using var response = await server.Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync(Ct)).Length);
        Assert.Equal((1L, 100L), (store.Finds, store.BytesRead));
    }

    /// <summary>Image item records as the image-folder reader makes them, each with its own key (no files behind them).</summary>
    private static async IAsyncEnumerable<ImportEntry> SyntheticAsync([EnumeratorCancellation] CancellationToken ct)
    {
        for (var i = 0; i < Items; i++)
        {
            ct.ThrowIfCancellationRequested();
            var key = MediaKeys.Of(SHA256.HashData(BitConverter.GetBytes(i)), ".png");
            var path = $"img/{i:D6}.png";
            yield return ImportEntry.Ok(new ImportRecord("synthetic", i + 1, path, path,
                $$"""{"image":"{{path}}","media":"{{key}}","width":200,"height":200,"media_type":"image/png"}""", [])
            {
                Hash = MediaKeys.ContentHash(key),
            });
        }
        await Task.CompletedTask;
    }
}
