using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import.Readers.Delimited;

public class CsvReaderTests
{
    private static readonly ImportFieldMap Map = new(IdField: "id", LabelField: "label");

    [Fact]
    public async Task Valid_file_reads_quotes_newlines_and_labels_with_start_lines()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "valid.csv"), map: Map);

        Assert.Empty(errors);
        Assert.Equal(["plain text", "quoted, with comma", "she said \"hi\"", "two\nlines", "\uFEFFhidden bom inside"], records.Select(r => r.Text));
        Assert.Equal([2L, 3, 4, 5, 7], records.Select(r => r.Line));
        Assert.Equal(["1", "2", "3", "4", "5"], records.Select(r => r.ExternalId));
        Assert.Equal(["spam", "ads"], Assert.Single(records[2].Annotations).Labels);
        Assert.Empty(records[3].Annotations);
        var annotation = Assert.Single(records[0].Annotations);
        Assert.Null(annotation.Author);
        Assert.Equal(AnnotationKind.Import, annotation.Kind);
    }

    [Fact]
    public async Task Document_holds_every_column_and_the_header_loses_its_bom()
    {
        var (records, _) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "valid.csv"), map: Map);

        using var data = JsonDocument.Parse(records[2].Document);
        Assert.Equal(["id", "text", "label", "score"], data.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("she said \"hi\"", data.RootElement.GetProperty("text").GetString());
        Assert.Equal("2", data.RootElement.GetProperty("score").GetString());
    }

    [Fact]
    public async Task Crlf_line_ends_and_blank_lines_are_handled()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "crlf.csv"), map: Map);

        Assert.Empty(errors);
        Assert.Equal(["first", "second\r\nline", "third"], records.Select(r => r.Text));
        Assert.Equal([2L, 3, 6], records.Select(r => r.Line));
        Assert.Equal("spam", records[0].Annotations[0].Labels[0]);
    }

    [Fact]
    public async Task Rows_with_the_wrong_column_count_are_errors_and_reading_goes_on()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "wrong-columns.csv"));

        Assert.Equal(["good", "also good", "fine"], records.Select(r => r.Text));
        Assert.Equal([3L, 5], errors.Select(e => e.Line));
        Assert.Contains("row has 4 columns but the header has 2", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("row has 1 columns", errors[1].Message, StringComparison.Ordinal);
        Assert.All(errors, e => Assert.EndsWith("wrong-columns.csv", e.File, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unterminated_quote_is_reported_on_the_line_where_it_opened()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "unterminated-quote.csv"));

        Assert.Equal("good", Assert.Single(records).Text);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("unterminated quoted field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_after_a_closing_quote_is_an_error_on_that_row_only()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "text-after-quote.csv"));

        Assert.Equal("good", Assert.Single(records).Text);
        Assert.Equal(2, Assert.Single(errors).Line);
        Assert.Contains("after the closing quote", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_text_column_is_one_file_error_that_lists_the_columns()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "missing-text-column.csv"));

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Equal(0, error.Line);
        Assert.Equal("text", error.Field);
        Assert.Contains("id, body, author", error.Message, StringComparison.Ordinal);
        Assert.Contains("--text-field", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_field_is_matched_case_insensitively_when_unique()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "missing-text-column.csv"), map: new ImportFieldMap("BODY"));

        Assert.Empty(errors);
        Assert.Equal("hello", Assert.Single(records).Text);
    }

    [Fact]
    public async Task Empty_text_values_are_row_errors()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "empty-text.csv"));

        Assert.Equal(["good", "fine"], records.Select(r => r.Text));
        Assert.Equal([3L, 4], errors.Select(e => e.Line));
        Assert.All(errors, e => Assert.Equal("text", e.Field));
    }

    [Theory]
    [InlineData("empty.csv", "file is empty")]
    [InlineData("header-only.csv", "no data rows")]
    [InlineData("json-named.csv", "--format jsonl")]
    [InlineData("binary.csv", "binary data")]
    public async Task Wrong_or_empty_files_give_one_file_level_error(string name, string expected)
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", name));

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Equal(0, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_utf8_is_reported_with_line_and_column_and_the_next_row_is_read()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("latin1.csv");
        await File.WriteAllBytesAsync(path, [.. "id,text\n1,ok\n2,caf"u8, 0xE9, .. "\n3,fine\n"u8], TestContext.Current.CancellationToken);

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Equal(["ok", "fine"], records.Select(r => r.Text));
        var error = Assert.Single(errors);
        Assert.Equal((3L, "text"), (error.Line, error.Field));
        Assert.Contains("invalid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tsv_reads_tabs_and_keeps_commas()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("tsv", "valid.tsv"), map: Map);

        Assert.Empty(errors);
        Assert.Equal(["first, with comma", "quoted\ttab"], records.Select(r => r.Text));
    }

    [Fact]
    public async Task Tsv_wrong_column_rows_are_errors()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("tsv", "wrong-columns.tsv"));

        Assert.Equal(2, records.Count);
        Assert.Equal(3, Assert.Single(errors).Line);
    }

    [Fact]
    public async Task Rows_split_across_tiny_read_buffers_parse_the_same()
    {
        var options = new ImportReaderOptions { BufferBytes = 1 };
        var small = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "valid.csv"), map: Map, options: options);
        var normal = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "valid.csv"), map: Map);

        Assert.Equal(normal.Records.Select(r => (r.Line, r.Text, r.Document)), small.Records.Select(r => (r.Line, r.Text, r.Document)));
    }
}
