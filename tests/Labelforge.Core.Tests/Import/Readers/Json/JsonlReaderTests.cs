using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import.Readers.Json;

public class JsonlReaderTests
{
    private static readonly ImportFieldMap Map = new(IdField: "id", LabelField: "label");

    [Fact]
    public async Task Valid_file_keeps_compact_lines_and_compacts_spaced_ones()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", "valid.jsonl"), map: Map);

        Assert.Empty(errors);
        Assert.Equal(["compact row", "spaced row", "café escaped"], records.Select(r => r.Text));
        Assert.Equal([1L, 2, 4], records.Select(r => r.Line));
        Assert.Equal(["a1", "2", "a3"], records.Select(r => r.ExternalId));
        Assert.Equal("""{"id":"a1","text":"compact row","label":"spam","meta":{"n":1}}""", records[0].Document);
        Assert.Equal("""{"id":2,"text":"spaced row","label":["ham","ads"]}""", records[1].Document);
        Assert.Equal(["spam"], records[0].Annotations[0].Labels);
        Assert.Equal(["ham", "ads"], records[1].Annotations[0].Labels);
        Assert.Empty(records[2].Annotations);
    }

    [Fact]
    public async Task Crlf_lines_read()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", "crlf.jsonl"));

        Assert.Empty(errors);
        Assert.Equal(["fine", "crlf too"], records.Select(r => r.Text));
        Assert.Equal("""{"id":2,"text":"crlf too"}""", records[1].Document);
    }

    [Fact]
    public async Task Syntax_errors_give_line_and_byte_position_and_reading_goes_on()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", "syntax-error.jsonl"));

        Assert.Equal(["good", "good again", "last"], records.Select(r => r.Text));
        Assert.Equal([2L, 4], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Contains("invalid JSON at byte", e.Message, StringComparison.Ordinal));
        Assert.Contains("at byte 20 of the line", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rows_that_are_not_objects_are_errors()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", "not-object.jsonl"));

        Assert.Equal(2, records.Count);
        Assert.Equal([2L, 3], errors.Select(e => e.Line));
        Assert.Contains("row is a JSON array", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("row is a JSON string", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_empty_and_non_string_text_are_row_errors_naming_the_field()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", "missing-text.jsonl"));

        Assert.Equal("ok", Assert.Single(records).Text);
        Assert.Equal([1L, 2, 3], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("text", e.Field));
        Assert.Contains("fields are: id, body", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("is a JSON object", errors[2].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("csv-named.jsonl", "--format csv")]
    [InlineData("array-named.jsonl", "--format json")]
    public async Task A_file_in_another_format_gives_one_file_error_with_the_right_format(string name, string expected)
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", name));

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Equal(0, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_on_its_line()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("bad.jsonl");
        await File.WriteAllBytesAsync(path, [.. """{"text":"ok"}"""u8, (byte)'\n', .. """{"text":"caf"""u8, 0xC3, 0x28, .. "\"}\n"u8, .. """{"text":"next"}"""u8], TestContext.Current.CancellationToken);

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Equal(["ok", "next"], records.Select(r => r.Text));
        Assert.Equal(2, Assert.Single(errors).Line);
        Assert.Contains("invalid UTF-8 at byte 13", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_rows_and_fields_are_skipped_with_the_field_named()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("big.jsonl");
        var options = new ImportReaderOptions { MaxFieldBytes = 1000, MaxRecordBytes = 4000, BufferBytes = 512 };
        var lines = new[]
        {
            """{"id":1,"text":"small"}""",
            "{\"id\":2,\"text\":\"" + new string('x', 2000) + "\"}",
            "{\"id\":3,\"text\":\"" + new string('y', 100_000) + "\"}",
            """{"id":4,"text":"after"}""",
        };
        await File.WriteAllLinesAsync(path, lines, TestContext.Current.CancellationToken);

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, options: options);

        Assert.Equal(["small", "after"], records.Select(r => r.Text));
        Assert.Equal([4L], records.Skip(1).Select(r => r.Line));
        Assert.Equal([(2L, "text"), (3L, "text")], errors.Select(e => (e.Line, e.Field!)));
        Assert.Contains("2,000 bytes, over the limit of 1,000", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("over the limit of 4,000 bytes", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_overload_detects_the_format_from_the_source_name()
    {
        using var stream = new MemoryStream("""{"text":"from an upload"}"""u8.ToArray());

        var (records, errors) = await ImportTestFiles.ReadStreamAsync(stream, "upload.ndjson");

        Assert.Empty(errors);
        Assert.Equal("upload.ndjson", Assert.Single(records).Source);
        using var data = JsonDocument.Parse(records[0].Document);
        Assert.Equal("from an upload", data.RootElement.GetProperty("text").GetString());
    }
}
