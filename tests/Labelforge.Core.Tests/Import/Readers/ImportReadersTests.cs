using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import.Readers;

public class ImportReadersTests
{
    [Theory]
    [InlineData("data.csv", ImportFormat.Csv)]
    [InlineData("DATA.TSV", ImportFormat.Tsv)]
    [InlineData("x.jsonl", ImportFormat.Jsonl)]
    [InlineData("x.ndjson", ImportFormat.Jsonl)]
    [InlineData("missing.json", ImportFormat.Json)]
    public void Detect_uses_the_extension(string name, ImportFormat expected) => Assert.Equal(expected, ImportReaders.Detect(name));

    [Fact]
    public void Detect_returns_null_for_unknown_extensions() => Assert.Null(ImportReaders.Detect("notes.xlsx"));

    [Theory]
    [InlineData("csv", ImportFormat.Csv)]
    [InlineData("TSV", ImportFormat.Tsv)]
    [InlineData("jsonl", ImportFormat.Jsonl)]
    [InlineData("json", ImportFormat.Json)]
    [InlineData("txt-folder", ImportFormat.TxtFolder)]
    [InlineData("label-studio", ImportFormat.LabelStudio)]
    public void Wire_names_round_trip(string wire, ImportFormat format)
    {
        Assert.True(ImportFormats.TryParse(wire, out var parsed));
        Assert.Equal(format, parsed);
        Assert.Equal(wire.ToLowerInvariant(), format.ToWire());
    }

    [Fact]
    public void Unknown_wire_names_do_not_parse() => Assert.False(ImportFormats.TryParse("xlsx", out _));

    [Fact]
    public async Task Unknown_extension_without_format_is_a_file_error_listing_formats()
    {
        using var stream = new MemoryStream("a,b\n"u8.ToArray());

        var (_, errors) = await ImportTestFiles.ReadStreamAsync(stream, "upload.bin");

        Assert.Contains("csv, tsv, jsonl, json, txt-folder, label-studio", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_files_are_file_errors()
    {
        var (_, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "does-not-exist.csv"));

        Assert.Contains("not found", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16_files_are_told_to_be_saved_as_utf8()
    {
        using var stream = new MemoryStream([0xFF, 0xFE, (byte)'i', 0, (byte)'d', 0]);

        var (_, errors) = await ImportTestFiles.ReadStreamAsync(stream, "x.csv");

        Assert.Contains("UTF-16", Assert.Single(errors).Message, StringComparison.Ordinal);
    }
}
