using System.Text.Json;

namespace Labelforge.Cli.Tests.Export;

public class ExportCommandTests
{
    [Theory]
    [InlineData("jsonl", false)]
    [InlineData("csv", false)]
    [InlineData("parquet", false)]
    [InlineData("label-studio", false)]
    [InlineData("jsonl", true)]
    [InlineData("csv", true)]
    [InlineData("parquet", true)]
    public async Task Every_format_exports_every_row(string format, bool history)
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a,b");
        var rows = string.Join('\n', Enumerable.Range(0, 30).Select(i => $"{{\"text\":\"row {i}, \\\"quoted\\\"\\nline\",\"label\":\"{(i % 2 == 0 ? "a" : "b")}\"}}"));
        await cli.JsonAsync("import", "p", cli.File("in.jsonl", rows), "--label-field", "label");
        var output = Path.Combine(cli.Dir, "out." + format);
        string[] args = ["export", "p", "--format", format, "--output", output];
        var summary = await cli.JsonAsync(history ? [.. args, "--history"] : args);
        Assert.Equal(30, summary.GetProperty("rows").GetInt32());
        Assert.True(new FileInfo(output).Length > 0);
        Assert.False(File.Exists(output + ".partial"));
        if (format == "jsonl")
        {
            var first = JsonDocument.Parse(File.ReadLines(output).First()).RootElement;
            Assert.Contains("a", first.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        }
    }

    [Fact]
    public async Task Label_studio_history_and_unknown_formats_are_refused()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a");
        var (code, _, error) = await cli.RunAsync("export", "p", "--format", "label-studio", "--history", "--output", Path.Combine(cli.Dir, "x.json"));
        Assert.Equal(1, code);
        Assert.Contains("current labels only", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("export", "p", "--format", "xml", "--output", Path.Combine(cli.Dir, "x.xml"));
        Assert.Equal(1, code);
        Assert.Contains("unknown --format", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(cli.Dir, "x.json")));
    }
}
