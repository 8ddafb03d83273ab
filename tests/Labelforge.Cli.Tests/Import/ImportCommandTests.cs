namespace Labelforge.Cli.Tests.Import;

public class ImportCommandTests
{
    private static string YouTube(string name) => Path.Combine(TestPaths.Datasets, "youtube-spam", "uci-raw", name);

    [Fact]
    public async Task The_five_youtube_csvs_import_once_and_reimport_as_duplicates()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "yt", "--labels", "0,1");
        long imported = 0, skipped = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(TestPaths.Datasets, "youtube-spam", "uci-raw"), "*.csv").Order())
        {
            var r = await cli.JsonAsync("import", "yt", file, "--text-field", "CONTENT", "--id-field", "COMMENT_ID", "--label-field", "CLASS");
            Assert.Equal(0, r.GetProperty("error_count").GetInt32());
            imported += r.GetProperty("imported").GetInt64();
            skipped += r.GetProperty("skipped_duplicates").GetInt64();
        }
        Assert.Equal(1956, imported + skipped);
        var again = await cli.JsonAsync("import", "yt", YouTube("Youtube01-Psy.csv"), "--text-field", "CONTENT", "--id-field", "COMMENT_ID");
        Assert.Equal(0, again.GetProperty("imported").GetInt64());
        Assert.Equal(again.GetProperty("rows").GetInt64(), again.GetProperty("skipped_duplicates").GetInt64());
        var show = await cli.JsonAsync("project", "show", "yt");
        Assert.Equal(imported, show.GetProperty("project").GetProperty("items").GetInt64());
        Assert.Equal(imported, show.GetProperty("project").GetProperty("labeled_items").GetInt64());
    }

    [Fact]
    public async Task Strict_import_of_a_bad_file_leaves_the_database_as_it_was()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a,b");
        await cli.JsonAsync("import", "p", cli.File("first.jsonl", "{\"text\":\"kept\"}\n"));
        var bad = cli.File("bad.jsonl", "{\"text\":\"one\",\"label\":\"a\"}\n{\"text\": broken\n{\"text\":\"three\",\"label\":\"zzz\"}\n");
        var (code, output, error) = await cli.RunAsync("import", "p", bad, "--label-field", "label", "--strict", "--json");
        Assert.Equal(1, code);
        Assert.Contains("bad.jsonl:2", error, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl:3: label: unknown label 'zzz'", error, StringComparison.Ordinal);
        Assert.Contains("\"rolled_back\": true", output, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.JsonAsync("project", "show", "p")).GetProperty("project").GetProperty("items").GetInt32());

        (code, _, _) = await cli.RunAsync("import", "p", bad, "--label-field", "label");
        Assert.Equal(3, code); // good rows kept, bad rows listed
        Assert.Equal(2, (await cli.JsonAsync("project", "show", "p")).GetProperty("project").GetProperty("items").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_what_its_extension_says_is_refused_with_a_hint()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a");
        var (code, _, error) = await cli.RunAsync("import", "p", cli.File("data.csv", "{\"text\":\"x\"}\n{\"text\":\"y\"}\n"));
        Assert.Equal(1, code);
        Assert.Contains("--format", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("import", "p", Path.Combine(cli.Dir, "missing.csv"));
        Assert.Equal(1, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }
}
