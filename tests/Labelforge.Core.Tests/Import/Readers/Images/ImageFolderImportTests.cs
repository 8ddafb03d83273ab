using Labelforge.Core.Import.Readers.Images;
using Labelforge.Core.Import.Readers;
using System.Text.Json;
using Labelforge.Core.Common;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.Media;
using Labelforge.Core.Projects;

namespace Labelforge.Core.Tests.Import.Readers.Images;

public sealed class ImageFolderImportTests : IAsyncDisposable
{
    private static readonly string[] Digits = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    private readonly ImportTestFiles.TempFolder _temp = new();
    private TestDb _db = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private FolderMediaStore Store => new(Path.Combine(_temp.Root, "media"));

    private string Images => Path.Combine(_temp.Root, "images");

    private async Task<Project> ProjectAsync()
    {
        _db = await TestDb.CreateAsync();
        return await _db.Get<ProjectOperations>().CreateAsync(
            new NewProject("digits", TaskTypes.ImageClassification, Labels: Digits), Ct);
    }

    private async Task<ImportReport> ImportAsync(Project project, ImageFolderOptions options) =>
        await _db.Get<ImportOperations>().ImportAsync(project.Id, Images, ImportFormat.ImageFolder,
            ImageFolderReader.ReadAsync(Images, Store, options, Ct), new ImportOptions(), ct: Ct);

    private async Task<IReadOnlyList<ItemView>> ItemsAsync(Project project) =>
        (await _db.Get<ItemOperations>().QueryAsync(project.Id, new ItemQuery(null, null, null, false, false, 1, 100), Ct)).Items;

    [Fact]
    public async Task Mnist_class_folders_become_labeled_image_items_and_a_reimport_is_a_no_op()
    {
        var project = await ProjectAsync();
        var written = TestImages.WriteMnist(Images, 30, classFolders: true);

        var report = await ImportAsync(project, new ImageFolderOptions(LabelsFromFolders: true));

        Assert.Equal((30, 30, 0), (report.Imported, report.Annotations, report.ErrorCount));
        var items = await ItemsAsync(project);
        var byPath = items.ToDictionary(i => i.Text);
        foreach (var (path, label) in written)
        {
            var item = byPath[path];
            Assert.Equal(path, item.ExternalId);
            Assert.Equal([label], item.Labels);
            Assert.Equal((path, 28, 28, "image/png"), (item.Data.GetProperty("image").GetString(), item.Data.GetProperty("width").GetInt32(),
                item.Data.GetProperty("height").GetInt32(), item.Data.GetProperty("media_type").GetString()));
            Assert.True(MediaKeys.IsValid(item.Data.GetProperty("media").GetString()));
        }
        var again = await ImportAsync(project, new ImageFolderOptions(LabelsFromFolders: true));
        Assert.Equal((0, 30), (again.Imported, again.SkippedDuplicates));
    }

    [Fact]
    public async Task The_same_image_under_another_name_is_a_duplicate_and_stored_once()
    {
        var project = await ProjectAsync();
        TestImages.WriteMnist(Images, 3, classFolders: false);
        File.Copy(Path.Combine(Images, "00000.png"), Path.Combine(Images, "copy-of-0.png"));

        var report = await ImportAsync(project, new ImageFolderOptions());

        Assert.Equal((3, 1, 0), (report.Imported, report.SkippedDuplicates, report.Annotations));
        Assert.Equal(3, Directory.EnumerateFiles(Path.Combine(_temp.Root, "media", "blobs"), "*", SearchOption.AllDirectories).Count());
    }

    [Fact]
    public async Task Labels_come_from_a_file_label_csv_and_the_image_is_served_from_the_store()
    {
        var project = await ProjectAsync();
        var written = TestImages.WriteMnist(Images, 4, classFolders: false);
        var csv = Path.Combine(_temp.Root, "labels.csv");
        await File.WriteAllLinesAsync(csv, ["file,label", .. written.Take(3).Select(w => $"./{w.Path},{w.Label}")], Ct);

        var report = await ImportAsync(project, new ImageFolderOptions(LabelsCsv: csv));

        Assert.Equal((4, 3, 0), (report.Imported, report.Annotations, report.ErrorCount));
        var items = await ItemsAsync(project);
        Assert.Equal(written.Select(w => w.Path == written[3].Path ? "" : w.Label), items.OrderBy(i => i.Text, StringComparer.Ordinal).Select(i => string.Join(",", i.Labels)));
        var file = await new MediaOperations(_db.Db, Store).FindAsync(project.Id, items[0].Id, Ct);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Images, items[0].Text)).LongLength, file.Length);
    }

    [Fact]
    public async Task Unsupported_and_damaged_files_and_unknown_csv_rows_are_errors_naming_the_file()
    {
        var project = await ProjectAsync();
        TestImages.WriteMnist(Images, 2, classFolders: false);
        await File.WriteAllTextAsync(Path.Combine(Images, "notes.txt"), "not an image", Ct);
        await File.WriteAllBytesAsync(Path.Combine(Images, "broken.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0], Ct);
        await File.WriteAllTextAsync(Path.Combine(Images, ".DS_Store"), "hidden", Ct);
        var csv = Path.Combine(_temp.Root, "labels.csv");
        await File.WriteAllLinesAsync(csv, ["00000.png,7", "missing.png,1", "00001.png"], Ct);

        var report = await ImportAsync(project, new ImageFolderOptions(LabelsCsv: csv));

        Assert.Equal(2, report.Imported);
        Assert.Equal(
            [
                (csv, 3L, (string?)null, "expected 2 fields (file,label), found 1"),
                (Path.Combine(Images, "broken.png"), 0L, null, "image header is cut short; the file is truncated or damaged"),
                (Path.Combine(Images, "notes.txt"), 0L, null, "unsupported file type '.txt'; images must be .png, .jpg, .jpeg, .gif, .webp, .bmp"),
                (csv, 2L, "file", $"no image 'missing.png' in {Images}"),
            ],
            report.Errors.Select(e => (e.File, e.Line, e.Field, e.Message)));
    }

    [Fact]
    public async Task A_path_in_a_text_item_document_is_not_served()
    {
        var project = await ProjectAsync();
        var text = await _db.Get<ProjectOperations>().CreateAsync(new NewProject("texts", Labels: ["a", "b"]), Ct);
        await _db.Get<ImportOperations>().ImportAsync(text.Id, "x.jsonl", ImportFormat.Jsonl,
            ImportReaders.ReadAsync(new MemoryStream("{\"text\":\"hello\",\"media\":\"../../etc/passwd\"}\n"u8.ToArray()), "x.jsonl", ImportFormat.Jsonl, new ImportFieldMap(), ImportReaderOptions.Default, Ct),
            new ImportOptions(), ct: Ct);
        var item = Assert.Single(await ItemsAsync(text));

        // A document's "media" value is only ever a key into the store: a path in it names nothing.
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "is not in the media store", () => new MediaOperations(_db.Db, Store).FindAsync(text.Id, item.Id, Ct));
        await ErrorAssert.FailsAsync(ErrorKind.NotFound, "No item", () => new MediaOperations(_db.Db, Store).FindAsync(project.Id, item.Id, Ct));
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
            await _db.DisposeAsync();
        _temp.Dispose();
    }
}
