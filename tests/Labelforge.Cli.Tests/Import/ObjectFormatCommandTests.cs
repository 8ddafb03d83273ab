using System.Text.Json;

namespace Labelforge.Cli.Tests.Import;

/// <summary>
/// The image-objects contract commands: `labelforge import PROJECT PATH --format coco|voc|yolo|label-studio [--images DIR]`
/// and `labelforge export PROJECT --format coco|voc|yolo|label-studio --output PATH` (a folder for voc and yolo).
/// </summary>
public class ObjectFormatCommandTests
{
    [Fact]
    public async Task Coco_tiny_goes_through_every_format_and_comes_back_with_the_same_objects()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "tiny", "--type", "image-objects");
        var report = await cli.JsonAsync("import", "tiny", TestImages.CocoJson, "--images", TestImages.CocoImages, "--create-labels");
        Assert.Equal((16, 16, 0), (report.GetProperty("imported").GetInt32(), report.GetProperty("annotations").GetInt32(), report.GetProperty("error_count").GetInt32()));

        var coco = Path.Combine(cli.Dir, "tiny.json");
        Assert.Equal(16, (await cli.JsonAsync("export", "tiny", "--format", "coco", "--output", coco)).GetProperty("rows").GetInt32());
        var voc = Path.Combine(cli.Dir, "voc");
        Assert.Equal(16, (await cli.JsonAsync("export", "tiny", "--format", "voc", "--output", voc)).GetProperty("rows").GetInt32());
        var yolo = Path.Combine(cli.Dir, "yolo");
        await cli.JsonAsync("export", "tiny", "--format", "yolo", "--output", yolo);
        var ls = Path.Combine(cli.Dir, "tiny-ls.json");
        await cli.JsonAsync("export", "tiny", "--format", "label-studio", "--output", ls);
        Assert.Equal(16, Directory.GetFiles(voc, "*.xml").Length);
        Assert.Equal(17, Directory.GetFiles(yolo, "*.txt").Length);

        foreach (var (name, path, format) in new[] { ("c", coco, "coco"), ("v", voc, "voc"), ("y", yolo, "yolo"), ("l", ls, "label-studio") })
        {
            await cli.JsonAsync("project", "create", name, "--type", "image-objects");
            var back = await cli.JsonAsync("import", name, path, "--format", format, "--images", TestImages.CocoImages, "--create-labels");
            Assert.Equal((16, 0), (back.GetProperty("imported").GetInt32(), back.GetProperty("error_count").GetInt32()));
        }
        var again = Path.Combine(cli.Dir, "again.json");
        await cli.JsonAsync("export", "c", "--format", "coco", "--output", again);
        Assert.Equal(Annotations(coco), Annotations(again));
        // Percent coordinates reach some COCO pixel values only to the last bit, so the Label Studio round trip is checked from Label Studio on.
        var lsAgain = Path.Combine(cli.Dir, "again-ls.json");
        await cli.JsonAsync("export", "l", "--format", "label-studio", "--output", lsAgain);
        await cli.JsonAsync("project", "create", "l2", "--type", "image-objects");
        await cli.JsonAsync("import", "l2", lsAgain, "--images", TestImages.CocoImages, "--create-labels");
        var (fromLs, fromLsAgain) = (Path.Combine(cli.Dir, "l.json"), Path.Combine(cli.Dir, "l2.json"));
        await cli.JsonAsync("export", "l", "--format", "coco", "--output", fromLs);
        await cli.JsonAsync("export", "l2", "--format", "coco", "--output", fromLsAgain);
        Assert.Equal(Annotations(fromLs), Annotations(fromLsAgain));
        Assert.Equal(Annotations(coco).Count, Annotations(fromLs).Count);
    }

    /// <summary>The annotations of a COCO export with their ids and image ids left out (each import numbers its items).</summary>
    private static List<string> Annotations(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
        var images = doc.RootElement.GetProperty("images").EnumerateArray().ToDictionary(i => i.GetProperty("id").GetInt64(), i => i.GetProperty("file_name").GetString());
        return [.. doc.RootElement.GetProperty("annotations").EnumerateArray().Select(a =>
            $"{images[a.GetProperty("image_id").GetInt64()]} {a.GetProperty("category_id")} {a.GetProperty("bbox")} {a.GetProperty("segmentation")} {a.GetProperty("iscrowd")}")];
    }

    [Fact]
    public async Task A_bad_yolo_line_names_file_line_and_field_and_folder_formats_need_a_folder()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "boxes", "--type", "image-objects");
        var labels = Path.Combine(cli.Dir, "labels");
        Directory.CreateDirectory(labels);
        File.WriteAllText(Path.Combine(labels, "classes.txt"), "cat\n");
        File.WriteAllBytes(Path.Combine(labels, "a.png"), TestImages.Png(10, 10, new byte[100]));
        File.WriteAllText(Path.Combine(labels, "a.txt"), "0 0.5 0.5 0.2 0.4\n0 0.5 nope 0.2 0.4\n");

        var (code, _, error) = await cli.RunAsync("import", "boxes", labels, "--format", "yolo", "--create-labels");

        Assert.Equal(1, code);
        Assert.Contains($"{Path.Combine(labels, "a.txt")}:2: cy: 'nope' is not a number", error, StringComparison.Ordinal);
        var file = cli.File("out.txt", "x");
        var (exportCode, _, exportError) = await cli.RunAsync("export", "boxes", "--format", "yolo", "--output", file);
        Assert.Equal(1, exportCode);
        Assert.Contains("give --output FOLDER", exportError, StringComparison.Ordinal);
        var (textCode, _, textError) = await cli.RunAsync("import", "boxes", labels, "--format", "csv", "--images", labels);
        Assert.Equal(1, textCode);
        Assert.Contains("--images applies to coco, voc, yolo and label-studio", textError, StringComparison.Ordinal);
    }
}
