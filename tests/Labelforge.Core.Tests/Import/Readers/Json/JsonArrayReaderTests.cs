using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import.Readers.Json;

public class JsonArrayReaderTests
{
    private static readonly ImportFieldMap Map = new(IdField: "id", LabelField: "label");

    [Fact]
    public async Task Valid_array_streams_elements_with_their_start_lines()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("json", "valid.json"), map: Map);

        Assert.Empty(errors);
        Assert.Equal(["first item", "second item\nwith escaped newline", "third, compact"], records.Select(r => r.Text));
        Assert.Equal([2L, 3, 8], records.Select(r => r.Line));
        Assert.Equal(["spam"], records[0].Annotations[0].Labels);
        using var data = JsonDocument.Parse(records[1].Document);
        Assert.Equal("]}", data.RootElement.GetProperty("extra").GetProperty("nested")[2].GetProperty("deep").GetString());
        Assert.DoesNotContain("\n ", records[1].Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Broken_elements_are_reported_by_line_and_the_rest_is_read()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("json", "broken-elements.json"));

        Assert.Equal(["good", "good again"], records.Select(r => r.Text));
        Assert.Equal([3L, 4, 6], errors.Select(e => e.Line));
        Assert.Contains("invalid JSON", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("row is a JSON number", errors[1].Message, StringComparison.Ordinal);
        Assert.Equal("text", errors[2].Field);
    }

    [Fact]
    public async Task Unterminated_element_is_reported_where_it_starts()
    {
        var (records, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("json", "unterminated.json"));

        Assert.Equal("good", Assert.Single(records).Text);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.Line);
        Assert.Contains("file ends inside the element", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("object.json", 0L, "--format jsonl")]
    [InlineData("empty-array.json", 0L, "empty array")]
    [InlineData("trailing-comma.json", 3L, "trailing comma")]
    public async Task Whole_file_problems_are_single_errors(string name, long line, string expected)
    {
        var (_, errors) = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("json", name));

        var error = Assert.Single(errors);
        Assert.Equal(line, error.Line);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_50_MB_element_field_is_skipped_without_stopping_the_array()
    {
        using var temp = new ImportTestFiles.TempFolder();
        var path = temp.File("huge.json");
        await using (var file = File.Create(path))
        {
            await file.WriteAsync("[{\"text\":\"before\"},\n{\"id\":2,\"text\":\""u8.ToArray(), TestContext.Current.CancellationToken);
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'z');
            for (var i = 0; i < 50; i++)
                await file.WriteAsync(chunk, TestContext.Current.CancellationToken);
            await file.WriteAsync("\"},\n{\"text\":\"after\"}]"u8.ToArray(), TestContext.Current.CancellationToken);
        }

        var (records, errors) = await ImportTestFiles.ReadAllAsync(path);

        Assert.Equal(["before", "after"], records.Select(r => r.Text));
        Assert.Equal(3, records[1].Line);
        Assert.Equal((2L, "text"), (Assert.Single(errors).Line, errors[0].Field));
    }

    [Fact]
    public async Task Tiny_read_buffers_give_the_same_records()
    {
        var options = new ImportReaderOptions { BufferBytes = 1 };
        var small = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("json", "valid.json"), map: Map, options: options);
        var normal = await ImportTestFiles.ReadAllAsync(ImportTestFiles.Path("json", "valid.json"), map: Map);

        Assert.Equal(normal.Records.Select(r => (r.Line, r.Document)), small.Records.Select(r => (r.Line, r.Document)));
    }
}
