using System.Text.Json;
using Labelforge.Core.Export;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Import.Readers.Objects;

namespace Labelforge.Core.Tests.Import.Readers.Objects;

/// <summary>COCO import on the shared coco-tiny slice (16 images, 196 polygon annotations of 210 rings, one crowd RLE) and its edge cases.</summary>
public sealed class CocoImportTests : IAsyncDisposable
{
    private readonly ObjectProjects _p = new();

    private async Task<(Core.Projects.Project Project, Core.Import.ImportReport Report)> ImportTinyAsync()
    {
        var project = await _p.ProjectAsync();
        var report = await _p.ImportAsync(project, TestImages.CocoJson, ImportFormat.Coco, CocoReader.ReadAsync(TestImages.CocoJson, _p.Source(TestImages.CocoImages), ObjectProjects.Ct));
        return (project, report);
    }

    [Fact]
    public async Task Coco_tiny_imports_every_image_with_one_object_per_polygon_ring_and_the_crowd_region_as_a_box_with_its_mask()
    {
        var (project, report) = await ImportTinyAsync();

        Assert.Equal((16, 16, 0), (report.Imported, report.Annotations, report.ErrorCount));
        var objects = await _p.ObjectsAsync(project);
        var lines = objects.Values.SelectMany(v => v.Split('\n')).ToList();
        Assert.Equal(211, lines.Count);
        Assert.Equal(210, lines.Count(l => l.Contains(": polygon ", StringComparison.Ordinal)));
        var crowd = Assert.Single(lines, l => l.Contains("crowd=1", StringComparison.Ordinal));
        Assert.Contains(": box ", crowd, StringComparison.Ordinal);
        Assert.Contains("mask={\"counts\":[", crowd, StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Matches("^[a-z ]+: ", l));
    }

    [Fact]
    public async Task Coco_tiny_round_trips_exactly_through_coco()
    {
        var (first, _) = await ImportTinyAsync();
        var file = await _p.ExportAsync(first, ExportFormat.Coco);
        var second = await _p.ProjectAsync();

        var report = await _p.ImportAsync(second, file, ImportFormat.Coco, CocoReader.ReadAsync(file, _p.Source(TestImages.CocoImages), ObjectProjects.Ct));

        Assert.Equal((16, 0), (report.Imported, report.ErrorCount));
        Assert.Equal(await _p.ObjectsAsync(first), await _p.ObjectsAsync(second));
    }

    [Fact]
    public async Task Label_studio_round_trips_exactly_and_keeps_coco_pixels_to_the_last_bits()
    {
        var (tiny, _) = await ImportTinyAsync();
        var source = _p.Source(TestImages.CocoImages);
        var file = await _p.ExportAsync(tiny, ExportFormat.LabelStudio);
        var first = await _p.ProjectAsync();
        Assert.Equal((16, 0), Counts(await _p.ImportAsync(first, file, ImportFormat.LabelStudio, LabelStudioImageReader.ReadAsync(file, source, ObjectProjects.Ct))));
        var again = await _p.ExportAsync(first, ExportFormat.LabelStudio);
        var second = await _p.ProjectAsync();
        Assert.Equal((16, 0), Counts(await _p.ImportAsync(second, again, ImportFormat.LabelStudio, LabelStudioImageReader.ReadAsync(again, source, ObjectProjects.Ct))));

        Assert.Equal(await _p.ObjectsAsync(first), await _p.ObjectsAsync(second));
        // A pixel value that no percentage maps to exactly (x = p * W / 100 skips some doubles) comes back within an ulp or so.
        Assert.Equal(ObjectProjects.Rounded(await _p.ObjectsAsync(tiny)), ObjectProjects.Rounded(await _p.ObjectsAsync(first)));
    }

    private static (long, long) Counts(Core.Import.ImportReport report) => (report.Imported, report.ErrorCount);

    [Fact]
    public async Task The_crowd_rle_and_its_area_are_written_back_verbatim_and_category_names_are_kept()
    {
        var (project, _) = await ImportTinyAsync();
        var file = await _p.ExportAsync(project, ExportFormat.Coco);

        using var original = JsonDocument.Parse(File.ReadAllBytes(TestImages.CocoJson));
        using var exported = JsonDocument.Parse(File.ReadAllBytes(file));
        var crowd = original.RootElement.GetProperty("annotations").EnumerateArray().Single(a => a.GetProperty("iscrowd").GetInt32() == 1);
        var back = exported.RootElement.GetProperty("annotations").EnumerateArray().Single(a => a.GetProperty("iscrowd").GetInt32() == 1);
        Assert.Equal(crowd.GetProperty("segmentation").GetRawText().Replace(" ", "", StringComparison.Ordinal), back.GetProperty("segmentation").GetRawText());
        Assert.Equal(crowd.GetProperty("area").GetDouble(), back.GetProperty("area").GetDouble());
        Assert.Equal(crowd.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()), back.GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));
        var names = exported.RootElement.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("person", names);
        Assert.Equal(16, exported.RootElement.GetProperty("images").GetArrayLength());
        Assert.Equal(211, exported.RootElement.GetProperty("annotations").GetArrayLength());
    }

    [Fact]
    public async Task An_image_without_objects_imports_as_no_objects_and_exports_as_an_image_without_annotations()
    {
        var images = _p.Path("images");
        Directory.CreateDirectory(images);
        await File.WriteAllBytesAsync(Path.Combine(images, "a.png"), TestImages.Png(40, 30, new byte[40 * 30]), ObjectProjects.Ct);
        await File.WriteAllBytesAsync(Path.Combine(images, "b.png"), TestImages.Png(40, 30, Enumerable.Repeat((byte)200, 40 * 30).ToArray()), ObjectProjects.Ct);
        var json = _p.Path("coco.json");
        await File.WriteAllTextAsync(json, """
            {"images": [{"id": 7, "file_name": "a.png", "width": 40, "height": 30}, {"id": 8, "file_name": "b.png", "width": 40, "height": 30}],
             "annotations": [{"id": 1, "image_id": 7, "category_id": 3, "bbox": [1.5, 2, 10.25, 5], "iscrowd": 0, "segmentation": []}],
             "categories": [{"id": 3, "name": "cat", "supercategory": "animal"}, {"id": 4, "name": "dog", "supercategory": "animal"}]}
            """, ObjectProjects.Ct);
        var project = await _p.ProjectAsync();

        var report = await _p.ImportAsync(project, json, ImportFormat.Coco, CocoReader.ReadAsync(json, _p.Source(images), ObjectProjects.Ct));

        Assert.Equal((2, 2, 0), (report.Imported, report.Annotations, report.ErrorCount));
        var objects = await _p.ObjectsAsync(project);
        Assert.Equal(["cat: box 1.5 2 10.25 5", ""], objects.Values);
        using var exported = JsonDocument.Parse(File.ReadAllBytes(await _p.ExportAsync(project, ExportFormat.Coco)));
        Assert.Equal(2, exported.RootElement.GetProperty("images").GetArrayLength());
        var annotation = Assert.Single(exported.RootElement.GetProperty("annotations").EnumerateArray());
        Assert.Equal("[1.5,2,10.25,5]", annotation.GetProperty("bbox").GetRawText());
        Assert.Equal(51.25, annotation.GetProperty("area").GetDouble());
    }

    /// <summary>COCO's own ids (coco-tiny's run to 90 with gaps) come back on export, in categories and in every annotation.</summary>
    [Fact]
    public async Task Category_ids_of_the_imported_file_are_kept_and_written_back()
    {
        var (project, _) = await ImportTinyAsync();
        using var source = JsonDocument.Parse(File.ReadAllBytes(TestImages.CocoJson));
        var sourceIds = source.RootElement.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetInt64());
        // Which categories each image holds, by file name: the same sets before and after (a ring is an object of its own, so counts differ).
        static HashSet<string> Pairs(JsonElement root) =>
            root.GetProperty("images").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("file_name").GetString()!) is var images
                ? [.. root.GetProperty("annotations").EnumerateArray().Select(a => $"{images[a.GetProperty("image_id").GetInt64()]} {a.GetProperty("category_id").GetInt64()}")]
                : [];

        using var exported = JsonDocument.Parse(File.ReadAllBytes(await _p.ExportAsync(project, ExportFormat.Coco)));
        var exportedIds = exported.RootElement.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetInt64());
        Assert.Contains(exportedIds.Values, id => id > exportedIds.Count); // the file's ids, not 1..N
        Assert.All(exportedIds, c => Assert.Equal(sourceIds[c.Key], c.Value));
        Assert.Equal(Pairs(source.RootElement), Pairs(exported.RootElement));
    }

    [Fact]
    public async Task A_label_added_later_takes_the_next_id_above_the_kept_ones_and_a_second_file_cannot_renumber()
    {
        var images = _p.Path("images");
        Directory.CreateDirectory(images);
        await File.WriteAllBytesAsync(Path.Combine(images, "a.png"), TestImages.Png(40, 30, new byte[40 * 30]), ObjectProjects.Ct);
        var json = _p.Path("coco.json");
        await File.WriteAllTextAsync(json, """
            {"images": [{"id": 7, "file_name": "a.png", "width": 40, "height": 30}],
             "annotations": [{"id": 1, "image_id": 7, "category_id": 17, "bbox": [1, 2, 3, 4]}, {"id": 2, "image_id": 7, "category_id": 3, "bbox": [5, 5, 3, 4]}],
             "categories": [{"id": 3, "name": "dog"}, {"id": 17, "name": "cat"}]}
            """, ObjectProjects.Ct);
        var project = await _p.ProjectAsync();
        Assert.Equal(0, (await _p.ImportAsync(project, json, ImportFormat.Coco, CocoReader.ReadAsync(json, _p.Source(images), ObjectProjects.Ct))).ErrorCount);
        await _p.Db.Get<Core.Taxonomy.TaxonomyOperations>().AddAsync(project.Id, new Core.Taxonomy.NewLabel("bird"), ct: ObjectProjects.Ct);
        var renumbered = _p.Path("renumbered.json");
        await File.WriteAllTextAsync(renumbered, File.ReadAllText(json).Replace("\"id\": 17", "\"id\": 1", StringComparison.Ordinal).Replace("\"category_id\": 17", "\"category_id\": 1", StringComparison.Ordinal), ObjectProjects.Ct);
        Assert.Equal(0, (await _p.ImportAsync(project, renumbered, ImportFormat.Coco, CocoReader.ReadAsync(renumbered, _p.Source(images), ObjectProjects.Ct))).ErrorCount);

        using var exported = JsonDocument.Parse(File.ReadAllBytes(await _p.ExportAsync(project, ExportFormat.Coco)));
        var ids = exported.RootElement.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("id").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["cat"] = 17, ["dog"] = 3, ["bird"] = 18 }, ids);
        Assert.Equal([17L, 3L], exported.RootElement.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("category_id").GetInt64()));
    }

    [Fact]
    public async Task Bad_annotations_name_file_line_and_field_and_nothing_of_their_image_is_stored()
    {
        var images = _p.Path("images");
        Directory.CreateDirectory(images);
        await File.WriteAllBytesAsync(Path.Combine(images, "a.png"), TestImages.Png(40, 30, new byte[40 * 30]), ObjectProjects.Ct);
        await File.WriteAllBytesAsync(Path.Combine(images, "b.png"), TestImages.Png(20, 10, new byte[20 * 10]), ObjectProjects.Ct);
        var json = _p.Path("coco.json");
        await File.WriteAllTextAsync(json, """
            {"images": [
              {"id": 1, "file_name": "a.png", "width": 40, "height": 30},
              {"id": 2, "file_name": "b.png", "width": 21, "height": 10},
              {"id": 3, "file_name": "missing.png", "width": 5, "height": 5}],
             "annotations": [
              {"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3], "segmentation": []},
              {"id": 2, "image_id": 1, "category_id": 9, "bbox": [1, 2, 3, 4]},
              {"id": 3, "image_id": 4, "category_id": 1, "bbox": [1, 2, 3, 4]},
              {"id": 4, "image_id": 2, "category_id": 1, "segmentation": [[1, 2, 3, 4]]}],
             "categories": [{"id": 1, "name": "cat"}]}
            """, ObjectProjects.Ct);
        var project = await _p.ProjectAsync();

        var report = await _p.ImportAsync(project, json, ImportFormat.Coco, CocoReader.ReadAsync(json, _p.Source(images), ObjectProjects.Ct));

        Assert.Equal(0, report.Imported);
        var errors = report.Errors.Select(e => $"{e.Line} {e.Field}: {e.Message}").ToList();
        Assert.Contains(errors, e => e.StartsWith("6 annotations[0].bbox: bbox must be [x, y, width, height]", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("7 annotations[1].category_id: no category with id 9", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("8 annotations[2].image_id: no image with id 4", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("9 annotations[3].segmentation[0]: a polygon is a list of x, y pixel pairs with at least 3 points", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("4 images[2].file_name: no image 'missing.png' in", StringComparison.Ordinal));
        Assert.All(report.Errors, e => Assert.Equal(json, e.File));
        Assert.Empty(await _p.ObjectsAsync(project));
    }

    [Fact]
    public async Task A_size_that_differs_from_the_image_and_a_json_syntax_error_are_reported()
    {
        var images = _p.Path("images");
        Directory.CreateDirectory(images);
        await File.WriteAllBytesAsync(Path.Combine(images, "b.png"), TestImages.Png(20, 10, new byte[20 * 10]), ObjectProjects.Ct);
        var json = _p.Path("coco.json");
        await File.WriteAllTextAsync(json, "{\"images\": [{\"id\": 2, \"file_name\": \"b.png\", \"width\": 21, \"height\": 10}], \"categories\": []}", ObjectProjects.Ct);
        var broken = _p.Path("broken.json");
        await File.WriteAllTextAsync(broken, "{\"images\": [\n{\"id\": 2,,}]}", ObjectProjects.Ct);
        var project = await _p.ProjectAsync();

        var sized = await _p.ImportAsync(project, json, ImportFormat.Coco, CocoReader.ReadAsync(json, _p.Source(images), ObjectProjects.Ct));
        var syntax = await _p.ImportAsync(project, broken, ImportFormat.Coco, CocoReader.ReadAsync(broken, _p.Source(images), ObjectProjects.Ct));

        var size = Assert.Single(sized.Errors);
        Assert.Equal((1L, "images[0].width"), (size.Line, size.Field));
        Assert.StartsWith("the file says 21x10 but b.png is 20x10", size.Message, StringComparison.Ordinal);
        Assert.Equal(2, Assert.Single(syntax.Errors).Line);
    }

    public ValueTask DisposeAsync() => _p.DisposeAsync();
}
