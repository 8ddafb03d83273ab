using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Media;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Server.Tests.Features.Annotations;

/// <summary>An image-objects project over HTTP: queue items with the image size, object submissions and their 400s, box agreement and consensus.</summary>
public class ObjectAnnotationEndpointTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Boxes_and_polygons_go_in_through_the_api_and_agreement_and_consensus_read_them()
    {
        await using var s = await TestServer.StartAsync();
        var id = (await s.PostAsync("/api/projects", new { name = "digits", task_type = "image-objects", labels = new[] { "stroke", "loop" } })).GetProperty("id").GetInt64();
        var images = Path.Combine(Path.GetDirectoryName(s.DbPath)!, "images");
        TestImages.WriteMnist(images, 2, classFolders: false);
        using (var scope = s.Services.CreateScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<ImportOperations>().ImportAsync(id, images, ImportFormat.ImageFolder,
                ImageFolderReader.ReadAsync(images, scope.ServiceProvider.GetRequiredService<IMediaStore>(), new ImageFolderOptions(), Ct), new ImportOptions(), ct: Ct);
            Assert.Equal(2, report.Imported);
        }

        var alice = await s.AsAsync("alice");
        var item = (await alice.PostAsync($"/api/projects/{id}/queue/next", new { annotator = "alice", count = 1 }, expectStatus: 200)).GetProperty("items")[0];
        Assert.Equal((28, 28), (item.GetProperty("width").GetInt32(), item.GetProperty("height").GetInt32()));
        var itemId = item.GetProperty("id").GetInt64();
        var url = $"/api/projects/{id}/annotations";
        await alice.PostProblemAsync(url, new { item_id = itemId, objects = new[] { new { label = "stroke", box = new[] { 20.0, 20, 10, 5 } } } },
            400, "Invalid request", "Item " + itemId + ": object 0 (box 20, 20, 10 x 5) lies outside the image, which is 28 x 28 pixels.");
        await alice.PostProblemAsync(url, new { item_id = itemId, objects = new[] { new { label = "stroke", box = new[] { 1.0, 2, 3 } } } },
            400, "Invalid request", "Object 0: 'box' is [x, y, width, height], 4 numbers (got 3).");
        await alice.PostProblemAsync(url, new { item_id = itemId, label_ids = new[] { 1 } },
            400, "Invalid request", "is image-objects: give 'objects'");

        var stored = await alice.PostAsync(url, new
        {
            item_id = itemId,
            objects = new object[] { new { label = "stroke", box = new[] { 4.5, 4, 10, 20 } }, new { label = "loop", polygon = new[] { new[] { 0.0, 0 }, new[] { 28.0, 0 }, new[] { 14.0, 28 } } } },
        });
        Assert.Equal("[4.5,4,10,20]", stored.GetProperty("objects")[0].GetProperty("box").GetRawText());
        Assert.Equal("loop", stored.GetProperty("objects")[1].GetProperty("label").GetString());
        var bob = await s.AsAsync("bob");
        await bob.PostAsync(url, new { item_id = itemId, objects = new[] { new { label = "stroke", box = new[] { 4.5, 4, 10, 20 } } } });

        var agreement = await s.GetAsync($"/api/projects/{id}/agreement/objects");
        // alice's stroke box and loop polygon against bob's stroke: one match of three objects, F1 = 2/3.
        Assert.Equal((1, 0.666667, 1), (agreement.GetProperty("items").GetInt32(), agreement.GetProperty("overall").GetProperty("f1").GetDouble(),
            agreement.GetProperty("polygons").GetInt32()));
        var consensus = await s.PostAsync($"/api/projects/{id}/consensus/objects", new { }, expectStatus: 200);
        Assert.Equal(("consensus:wbf@1", 1, 1), (consensus.GetProperty("author").GetString(), consensus.GetProperty("items").GetInt32(), consensus.GetProperty("boxes").GetInt32()));
        var history = await s.GetAsync($"/api/projects/{id}/items/{itemId}/annotations");
        Assert.Equal("[4.5,4,10,20]", history.EnumerateArray().Last().GetProperty("objects")[0].GetProperty("box").GetRawText());

        // A folder format downloads as a zip of the folder: one YOLO file for the annotated image and classes.txt.
        using var yolo = await s.Client.GetAsync($"/api/projects/{id}/export?format=yolo", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, yolo.StatusCode);
        Assert.Equal("application/zip", yolo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("digits.zip", yolo.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new System.IO.Compression.ZipArchive(await yolo.Content.ReadAsStreamAsync(Ct), System.IO.Compression.ZipArchiveMode.Read);
        Assert.Equal(2, zip.Entries.Count);
        using var classes = new StreamReader(zip.GetEntry("classes.txt")!.Open());
        Assert.Equal("stroke\nloop\n", await classes.ReadToEndAsync(Ct));
    }
}
