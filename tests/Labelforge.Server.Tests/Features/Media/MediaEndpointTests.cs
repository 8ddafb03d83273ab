using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers;
using System.Net;
using System.Net.Http.Headers;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Features.Media;

public sealed class MediaEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An image project with <paramref name="count"/> MNIST digits imported from a folder through the server's own store.</summary>
    private static async Task<(long ProjectId, string Images)> ImageProjectAsync(TestServer server, int count)
    {
        var project = await server.PostAsync("/api/projects", new { name = "digits", task_type = "image-classification", labels = new[] { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" } });
        var id = project.GetProperty("id").GetInt64();
        var images = Path.Combine(Path.GetDirectoryName(server.DbPath)!, "images");
        TestImages.WriteMnist(images, count, classFolders: true);
        using var scope = server.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
        var store = scope.ServiceProvider.GetRequiredService<IMediaStore>();
        var report = await scope.ServiceProvider.GetRequiredService<ImportOperations>().ImportAsync(id, images, ImportFormat.ImageFolder,
            ImageFolderReader.ReadAsync(images, store, new ImageFolderOptions(LabelsFromFolders: true), Ct), new ImportOptions(), ct: Ct);
        Assert.Equal(count, report.Imported);
        return (id, images);
    }

    [Fact]
    public async Task An_image_is_served_with_its_type_etag_caching_and_ranges()
    {
        await using var server = await TestServer.StartAsync();
        var (project, images) = await ImageProjectAsync(server, 3);
        var item = (await server.GetAsync($"/api/projects/{project}/items?page_size=1")).GetProperty("items")[0];
        var itemId = item.GetProperty("id").GetInt64();
        var key = item.GetProperty("data").GetProperty("media").GetString()!;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(images, item.GetProperty("text").GetString()!), Ct);
        var url = $"/api/projects/{project}/items/{itemId}/media";

        using var whole = await server.Client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("image/png", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await whole.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal($"\"{key}\"", whole.Headers.ETag?.Tag);
        Assert.Equal((true, true, null), (whole.Headers.CacheControl!.Private, whole.Headers.CacheControl.NoCache, whole.Headers.CacheControl.MaxAge));
        Assert.Contains("bytes", whole.Headers.AcceptRanges);

        using var versioned = await server.Client.GetAsync($"{url}?v={key[..16]}", Ct);
        Assert.Equal((true, false, TimeSpan.FromDays(365)), (versioned.Headers.CacheControl!.Private, versioned.Headers.CacheControl.NoCache, versioned.Headers.CacheControl.MaxAge));
        Assert.Contains("immutable", versioned.Headers.CacheControl.Extensions.Select(e => e.Name));

        using var range = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { Range = new RangeHeaderValue(8, 15) } };
        using var partial = await server.Client.SendAsync(range, Ct);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(bytes[8..16], await partial.Content.ReadAsByteArrayAsync(Ct));

        using var conditional = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { IfNoneMatch = { new EntityTagHeaderValue($"\"{key}\"") } } };
        using var notModified = await server.Client.SendAsync(conditional, Ct);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task Items_without_an_image_and_unknown_items_are_not_found()
    {
        await using var server = await TestServer.StartAsync(demo: true);
        var text = (await server.GetAsync("/api/projects/1/items?page_size=1")).GetProperty("items")[0].GetProperty("id").GetInt64();
        await server.GetProblemAsync($"/api/projects/1/items/{text}/media", 404, "Not found", "has no image");
        await server.GetProblemAsync("/api/projects/1/items/999999/media", 404, "Not found", "No item 999999 in project 1.");
    }
}
