using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import.Readers;

public class TxtFolderReaderTests
{
    [Fact]
    public async Task Each_txt_file_is_one_item_with_its_relative_path_as_id()
    {
        var folder = ImportTestFiles.Path("txt-folder", "valid");
        Assert.Equal(ImportFormat.TxtFolder, ImportReaders.Detect(folder));

        var (records, errors) = await ImportTestFiles.ReadAllAsync(folder);

        Assert.Empty(errors);
        Assert.Equal(["a.txt", "sub/b.txt"], records.Select(r => r.ExternalId));
        Assert.Equal("Second, in a subfolder.\nTwo lines.\n", records[1].Text);
        using var data = JsonDocument.Parse(records[1].Document);
        Assert.Equal("sub/b.txt", data.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Empty_binary_and_invalid_files_are_errors_and_the_rest_read()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllTextAsync(temp.File("1-good.txt"), "fine", ct);
        await File.WriteAllBytesAsync(temp.File("2-empty.txt"), [], ct);
        await File.WriteAllBytesAsync(temp.File("3-latin1.txt"), [.. "line one\ncaf"u8, 0xE9], ct);
        await File.WriteAllBytesAsync(temp.File("4-binary.txt"), [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00], ct);

        var (records, errors) = await ImportTestFiles.ReadAllAsync(temp.Root);

        Assert.Equal("fine", Assert.Single(records).Text);
        Assert.Equal(3, errors.Count);
        Assert.Contains("empty", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(2, errors[1].Line);
        Assert.Contains("invalid UTF-8", errors[1].Message, StringComparison.Ordinal);
        Assert.EndsWith("4-binary.txt", errors[2].File, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_txt_files_is_a_file_level_error()
    {
        using var temp = new ImportTestFiles.TempFolder();

        var (_, errors) = await ImportTestFiles.ReadAllAsync(temp.Root);

        Assert.Equal(0, Assert.Single(errors).Line);
    }
}
