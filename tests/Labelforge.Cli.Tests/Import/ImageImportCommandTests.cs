using System.Text.Json;

namespace Labelforge.Cli.Tests.Import;

/// <summary>`labelforge import` of image folders (copies, references, labels from class folders or a CSV) and the exports of an image project.</summary>
public class ImageImportCommandTests
{
    private static readonly string Digits = "0,1,2,3,4,5,6,7,8,9";

    [Fact]
    public async Task A_folder_of_class_folders_imports_into_the_store_beside_the_database_and_exports_with_keys_and_labels()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "digits", "--type", "image-classification", "--labels", Digits);
        var images = Path.Combine(cli.Dir, "digits");
        var written = TestImages.WriteMnist(images, 20, classFolders: true);

        var report = await cli.JsonAsync("import", "digits", images, "--label-folders");
        Assert.Equal((20, 20), (report.GetProperty("imported").GetInt32(), report.GetProperty("annotations").GetInt32()));
        Assert.Equal(20, Directory.EnumerateFiles(Path.Combine(cli.Dir, "cli.media", "blobs"), "*", SearchOption.AllDirectories).Count());
        Assert.Equal(20, (await cli.JsonAsync("import", "digits", images, "--label-folders")).GetProperty("skipped_duplicates").GetInt32());

        var jsonl = Path.Combine(cli.Dir, "out.jsonl");
        await cli.JsonAsync("export", "digits", "--format", "jsonl", "--output", jsonl);
        var rows = File.ReadLines(jsonl).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var labelOf = written.ToDictionary(w => w.Path, w => w.Label);
        foreach (var row in rows)
        {
            var data = row.GetProperty("data");
            Assert.Equal(labelOf[data.GetProperty("image").GetString()!], row.GetProperty("labels")[0].GetString());
            Assert.Matches("^[0-9a-f]{64}\\.png$", data.GetProperty("media").GetString());
        }

        var csv = Path.Combine(cli.Dir, "out.csv");
        await cli.JsonAsync("export", "digits", "--format", "csv", "--output", csv);
        var first = File.ReadLines(csv).Skip(1).First();
        Assert.Contains(written.Order().First().Path, first, StringComparison.Ordinal);
        Assert.Contains("\"\"media\"\":\"\"", first, StringComparison.Ordinal);

        var ls = Path.Combine(cli.Dir, "out.json");
        await cli.JsonAsync("export", "digits", "--format", "label-studio", "--output", ls);
        var task = JsonDocument.Parse(File.ReadAllText(ls)).RootElement[0];
        Assert.Equal(task.GetProperty("data").GetProperty("image").GetString(), written.Select(w => w.Path).Order(StringComparer.Ordinal).First());
        Assert.False(task.GetProperty("data").TryGetProperty("text", out _));
        var result = task.GetProperty("annotations")[0].GetProperty("result")[0];
        Assert.Equal(("choice", "image", "choices"), (result.GetProperty("from_name").GetString(), result.GetProperty("to_name").GetString(), result.GetProperty("type").GetString()));
        Assert.Equal(labelOf[task.GetProperty("data").GetProperty("image").GetString()!], result.GetProperty("value").GetProperty("choices")[0].GetString());
    }

    [Fact]
    public async Task References_keep_files_in_place_and_a_csv_gives_labels_with_errors_naming_files()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "digits", "--type", "image-classification", "--labels", Digits);
        var images = Path.Combine(cli.Dir, "flat");
        var written = TestImages.WriteMnist(images, 3, classFolders: false);
        File.WriteAllText(Path.Combine(images, "readme.md"), "not an image");
        var labels = cli.File("labels.csv", $"file,label\n{written[0].Path},{written[0].Label}\n{written[1].Path},{written[1].Label}\n");

        var (code, output, error) = await cli.RunAsync("import", "digits", images, "--reference", "--labels-csv", labels, "--media", Path.Combine(cli.Dir, "m"), "--json");

        Assert.Equal(3, code);
        var report = CliRun.Json(output);
        Assert.Equal((3, 2, 1), (report.GetProperty("imported").GetInt32(), report.GetProperty("annotations").GetInt32(), report.GetProperty("error_count").GetInt32()));
        Assert.Contains($"{Path.Combine(images, "readme.md")}:0: unsupported file type '.md'", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.Dir, "m", "blobs")));
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(cli.Dir, "m", "refs"), "*.json", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task Image_options_on_a_text_import_are_refused()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a,b");
        var (code, _, error) = await cli.RunAsync("import", "p", cli.File("in.jsonl", "{\"text\":\"x\"}\n"), "--reference");
        Assert.Equal(1, code);
        Assert.Contains("--reference applies to imports that read images", error, StringComparison.Ordinal);
    }
}
