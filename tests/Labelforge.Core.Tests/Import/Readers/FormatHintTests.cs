using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import.Readers;

/// <summary>Files that are not what their name or --format says get read as what they are, or an error naming what they look like.</summary>
public class FormatHintTests
{
    [Fact]
    public async Task A_tab_separated_file_named_csv_is_read_as_tsv()
    {
        var path = ImportTestFiles.Path("csv", "tab-separated.csv");
        Assert.Equal(ImportFormat.Tsv, ImportReaders.Detect(path));

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, map: new ImportFieldMap(LabelField: "label"));

        Assert.Empty(errors);
        Assert.Equal(["first review, with a comma", "second review"], records.Select(r => r.Text));
    }

    [Fact]
    public async Task Tabs_read_as_csv_say_to_use_tsv()
    {
        var (_, forced) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "tab-separated.csv"), ImportFormat.Csv);
        var (_, quoted) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("csv", "tab-after-quote.csv"));

        Assert.Contains("this looks tab-separated: use --format tsv", Assert.Single(forced).Message, StringComparison.Ordinal);
        var error = Assert.Single(quoted);
        Assert.Equal(2L, error.Line);
        Assert.Contains("this looks tab-separated: use --format tsv", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("coco.json", null, "COCO dataset")]
    [InlineData("coco.json", ImportFormat.Jsonl, "COCO dataset")]
    [InlineData("single-object.json", null, "single JSON object (keys: version, rows)")]
    [InlineData("single-object.json", ImportFormat.Jsonl, "one JSON object spread over several lines")]
    [InlineData("lines.json", ImportFormat.Json, "JSON Lines; use --format jsonl")]
    public async Task Json_that_is_not_rows_names_what_it_looks_like(string file, ImportFormat? format, string message)
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("json", file), format);

        Assert.Empty(records);
        var error = Assert.Single(errors);
        Assert.Equal(0L, error.Line);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_lines_in_a_json_file_are_read_as_json_lines()
    {
        var path = ImportTestFiles.Path("json", "lines.json");
        Assert.Equal(ImportFormat.Jsonl, ImportReaders.Detect(path));

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Empty(errors);
        Assert.Equal(["line one", "line two"], records.Select(r => r.Text));
    }

    [Fact]
    public async Task A_pretty_printed_object_named_jsonl_is_one_error_not_one_per_line()
    {
        var (_, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("jsonl", "pretty-object.jsonl"));

        Assert.Contains("spread over several lines", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_headerless_csv_reads_with_numbered_columns()
    {
        var path = ImportTestFiles.Path("csv", "headerless.csv");
        var map = new ImportFieldMap(ImportFieldMap.Column(3), null, ImportFieldMap.Column(1)) { NoHeader = true };

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path, map: map);

        Assert.Empty(errors);
        Assert.Equal(3, records.Count);
        Assert.Equal(1L, records[0].Line);
        Assert.Equal("Stocks rose in early trading on Monday.", records[0].Text);
        Assert.Equal(["2", "4", "1"], records.Select(r => r.Annotations[0].Labels[0]));
        Assert.Equal("""{"column_1":"2","column_2":"Wall Street opens higher","column_3":"Stocks rose in early trading on Monday."}""", records[0].Document);

        var (_, withHeader) = await ImportTestFiles.ReadAllAsync(path);
        Assert.Contains("--no-header with --text-column N", Assert.Single(withHeader).Message, StringComparison.Ordinal);
        var (_, outOfRange) = await ImportTestFiles.ReadAllAsync(path, map: map with { TextField = ImportFieldMap.Column(9) });
        Assert.Contains("numbered 1 to 3", Assert.Single(outOfRange).Message, StringComparison.Ordinal);
    }
}
