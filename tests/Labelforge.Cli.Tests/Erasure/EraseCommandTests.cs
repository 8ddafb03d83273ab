using System.Text;

namespace Labelforge.Cli.Tests.Erasure;

/// <summary>`labelforge erase PROJECT --item ID | --search TERM [--yes]`: the CLI contract, and no trace in the files afterwards.</summary>
public class EraseCommandTests
{
    private const string Secret = "Philippa Oyelaran-Whitcombe 0161 496 0999";

    private static async Task<CliRun> SeedAsync()
    {
        var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "ham,spam");
        var rows = $"{{\"id\":\"x-1\",\"text\":\"{Secret}\",\"label\":\"ham\"}}\n{{\"id\":\"x-2\",\"text\":\"hello there\",\"label\":\"spam\"}}\n" +
            "{\"id\":\"x-3\",\"text\":\"hello again\"}\n";
        await cli.JsonAsync("import", "p", cli.File("in.jsonl", rows), "--label-field", "label", "--id-field", "id");
        return cli;
    }

    [Fact]
    public async Task Erasing_an_item_reports_what_went_and_leaves_no_trace_in_the_database_files_or_exports()
    {
        using var cli = await SeedAsync();

        var result = await cli.JsonAsync("erase", "p", "--item", "x-1", "--reason", "request 9");

        Assert.Equal(1, result.GetProperty("item_count").GetInt32());
        Assert.Equal("x-1", result.GetProperty("items")[0].GetProperty("external_id").GetString());
        Assert.Equal(1, result.GetProperty("annotations_removed").GetInt32());
        Assert.True(result.GetProperty("store_cleanup").GetProperty("wal_checkpointed").GetBoolean());
        foreach (var file in new[] { cli.Db, cli.Db + "-wal", cli.Db + "-shm" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
            var bytes = copy.ToArray();
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Secret)) < 0, $"{file} holds the erased text");
        }
        foreach (var format in new[] { "jsonl", "csv", "parquet", "label-studio" })
        {
            var output = Path.Combine(cli.Dir, "out." + format);
            var (code, _, error) = await cli.RunAsync("export", "p", "--format", format, "--output", output);
            Assert.True(code == 0, error);
            Assert.True((await File.ReadAllBytesAsync(output, TestContext.Current.CancellationToken)).AsSpan().IndexOf(Encoding.UTF8.GetBytes("Oyelaran")) < 0, format);
        }
        var tombstones = (await cli.JsonAsync("erase", "p", "--list")).GetProperty("tombstones");
        Assert.Equal("request 9", Assert.Single(tombstones.EnumerateArray()).GetProperty("reason").GetString());
        var again = await cli.RunAsync("erase", "p", "--item", "x-1");
        Assert.Equal(0, again.Code);
        Assert.StartsWith("item 1 was already erased at ", again.Out.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_only_previews_until_yes()
    {
        using var cli = await SeedAsync();

        var preview = await cli.RunAsync("erase", "p", "--search", "hello");
        Assert.Equal(0, preview.Code);
        Assert.Equal(["would erase 2 item(s), 1 annotation(s), 0 LF matrix row(s), and withdraw 0 model(s)", "  item 2 (x-2)", "  item 3 (x-3)",
            "run again with --yes to erase them"], preview.Out.Trim().Split(Environment.NewLine));
        Assert.True((await cli.JsonAsync("erase", "p", "--item", "x-1", "--dry-run")).GetProperty("dry_run").GetBoolean());
        Assert.Empty((await cli.JsonAsync("erase", "p", "--list")).GetProperty("tombstones").EnumerateArray());

        var erased = await cli.JsonAsync("erase", "p", "--search", "hello", "--yes");
        Assert.Equal((false, 2), (erased.GetProperty("dry_run").GetBoolean(), erased.GetProperty("item_count").GetInt32()));
        Assert.Equal(2, (await cli.JsonAsync("erase", "p", "--list")).GetProperty("tombstones").GetArrayLength());
    }

    [Fact]
    public async Task Bad_erase_input_is_a_clear_error()
    {
        using var cli = await SeedAsync();
        var neither = await cli.RunAsync("erase", "p");
        Assert.Equal((1, "error: Name exactly one of an external id (--item, external_id) or a search term (--search, search)."), (neither.Code, neither.Err.Trim()));
        var missing = await cli.RunAsync("erase", "p", "--item", "nope");
        Assert.Equal((1, "error: No item with external id 'nope' in project 1, and none was erased."), (missing.Code, missing.Err.Trim()));
    }
}
