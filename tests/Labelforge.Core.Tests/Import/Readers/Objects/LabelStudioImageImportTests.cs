using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Tests.Import.Readers.Objects;

/// <summary>Label Studio tasks of image projects: data.image found on disk, percent results in pixels, choices for image classification.</summary>
public sealed class LabelStudioImageImportTests : IAsyncDisposable
{
    private readonly ObjectProjects _p = new();

    private async Task<string> ImagesAsync()
    {
        var images = _p.Path("images");
        Directory.CreateDirectory(images);
        await File.WriteAllBytesAsync(Path.Combine(images, "a.png"), TestImages.Png(200, 100, new byte[200 * 100]), ObjectProjects.Ct);
        return images;
    }

    [Fact]
    public async Task Rectangles_and_polygons_in_percent_become_pixels_of_the_image_and_upload_prefixes_are_found()
    {
        var images = await ImagesAsync();
        var tasks = _p.Path("tasks.json");
        await File.WriteAllTextAsync(tasks, """
            [{"id": 4, "data": {"image": "/data/upload/1/0a1b2c3d-a.png"}, "annotations": [{"completed_by": 2, "result": [
              {"from_name": "label", "to_name": "image", "type": "rectanglelabels", "original_width": 200, "original_height": 100,
               "value": {"x": 10, "y": 20, "width": 25, "height": 50, "rotation": 0, "rectanglelabels": ["car"]}},
              {"from_name": "label", "to_name": "image", "type": "polygonlabels",
               "value": {"points": [[0, 0], [50, 0], [50, 100]], "polygonlabels": ["road"]}}]}]}]
            """, ObjectProjects.Ct);
        var project = await _p.ProjectAsync();

        var report = await _p.ImportAsync(project, tasks, ImportFormat.LabelStudio, LabelStudioImageReader.ReadAsync(tasks, _p.Source(images), ObjectProjects.Ct));

        Assert.Equal((1, 1, 0), (report.Imported, report.Annotations, report.ErrorCount));
        Assert.Equal("car: box 20 20 50 50\nroad: polygon 0,0 100,0 100,100", (await _p.ObjectsAsync(project))["a.png"]);
    }

    [Fact]
    public async Task A_rotated_rectangle_and_a_missing_image_are_row_errors()
    {
        var images = await ImagesAsync();
        var tasks = _p.Path("tasks.json");
        await File.WriteAllTextAsync(tasks, """
            [{"data": {"image": "a.png"}, "annotations": [{"result": [{"type": "rectanglelabels",
               "value": {"x": 10, "y": 20, "width": 25, "height": 50, "rotation": 30, "rectanglelabels": ["car"]}}]}]},
             {"data": {"image": "gone.png"}}]
            """, ObjectProjects.Ct);
        var project = await _p.ProjectAsync();

        var report = await _p.ImportAsync(project, tasks, ImportFormat.LabelStudio, LabelStudioImageReader.ReadAsync(tasks, _p.Source(images), ObjectProjects.Ct));

        Assert.Equal(0, report.Imported);
        Assert.Contains(report.Errors, e => e.Field == "annotations[0].result[0].value.rotation" && e.Message.StartsWith("rotated rectangles", StringComparison.Ordinal));
        Assert.Contains(report.Errors, e => e.Field == "data.image" && e.Message.StartsWith("no image for 'gone.png'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Choices_label_whole_images_in_an_image_classification_project()
    {
        var images = await ImagesAsync();
        var tasks = _p.Path("tasks.json");
        await File.WriteAllTextAsync(tasks, """
            [{"data": {"image": "http://localhost:8080/data/local-files/?d=a.png"}, "annotations": [{"result": [
              {"from_name": "choice", "to_name": "image", "type": "choices", "value": {"choices": ["Dog"]}}]}]}]
            """, ObjectProjects.Ct);
        var db = await TestDb.CreateAsync();
        await using var _ = db;
        var project = await db.Get<ProjectOperations>().CreateAsync(new NewProject("pets", TaskTypes.ImageClassification, Labels: ["Cat", "Dog"]), ObjectProjects.Ct);

        var report = await db.Get<ImportOperations>().ImportAsync(project.Id, tasks, ImportFormat.LabelStudio,
            LabelStudioImageReader.ReadAsync(tasks, _p.Source(images), ObjectProjects.Ct), new ImportOptions(), ct: ObjectProjects.Ct);

        Assert.Equal((1, 1, 0), (report.Imported, report.Annotations, report.ErrorCount));
        var item = Assert.Single((await db.Get<Core.Items.ItemOperations>().QueryAsync(project.Id, new Core.Items.ItemQuery(null, null, null, false, false, 1, 10), ObjectProjects.Ct)).Items);
        Assert.Equal("a.png", item.Text);
        Assert.Equal(["Dog"], item.Labels);
    }

    public ValueTask DisposeAsync() => _p.DisposeAsync();
}
