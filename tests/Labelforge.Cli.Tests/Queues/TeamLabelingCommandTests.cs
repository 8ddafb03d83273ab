namespace Labelforge.Cli.Tests.Queues;

/// <summary>The CLI contract of issue 14: queue set --overlap, import --author-field, gold PROJECT import.</summary>
public class TeamLabelingCommandTests
{
    [Fact]
    public async Task Queue_set_takes_a_fixed_or_an_adaptive_overlap()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a,b");

        var fixedK = (await cli.JsonAsync("queue", "set", "p", "--overlap", "3")).GetProperty("settings");
        Assert.Equal(("fixed", 3), (fixedK.GetProperty("overlap_mode").GetString(), fixedK.GetProperty("overlap").GetInt32()));
        var adaptive = (await cli.JsonAsync("queue", "set", "p", "--overlap", "adaptive", "--min-overlap", "1", "--max-overlap", "5", "--target-confidence", "0.9")).GetProperty("settings");
        Assert.Equal(("adaptive", 1, 5, 0.9), (adaptive.GetProperty("overlap_mode").GetString(), adaptive.GetProperty("min_overlap").GetInt32(),
            adaptive.GetProperty("max_overlap").GetInt32(), adaptive.GetProperty("target_confidence").GetDouble()));

        var (code, _, error) = await cli.RunAsync("queue", "set", "p", "--overlap", "lots");
        Assert.Equal(1, code);
        Assert.Contains("--overlap takes a number of annotators (e.g. 3) or 'adaptive', not 'lots'", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("queue", "set", "p", "--overlap", "0");
        Assert.Equal(1, code);
        Assert.Contains("Overlap must be between 1 and 100 annotators.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_with_an_author_field_and_gold_import_follow_the_contract()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "ham,spam");
        var answers = cli.File("answers.csv", "item,worker,label,text\nx1,w1,spam,win cash\nx1,w2,ham,win cash\nx2,w1,ham,lunch at noon\nx2,w1,spam,lunch at noon\n");

        var report = await cli.JsonAsync("import", "p", answers, "--id-field", "item", "--label-field", "label", "--author-field", "worker", "--text-field", "text");
        Assert.Equal((4, 2, 3, 2, 1), (report.GetProperty("rows").GetInt32(), report.GetProperty("items_created").GetInt32(),
            report.GetProperty("annotations").GetInt32(), report.GetProperty("authors").GetInt32(), report.GetProperty("replaced").GetInt32()));
        // The item exists now: a second file needs no text, and an unknown label is a file:line: field error.
        var more = cli.File("more.csv", "item,worker,label\nx1,w3,spam\nx2,w3,eggs\n");
        var (code, _, error) = await cli.RunAsync("import", "p", more, "--id-field", "item", "--label-field", "label", "--author-field", "worker");
        Assert.Equal(3, code);
        Assert.Contains("more.csv:3: label:", error, StringComparison.Ordinal);

        var gold = await cli.JsonAsync("gold", "p", "import", cli.File("gold.csv", "item,label\nx2,ham\n"), "--rate", "0.1");
        Assert.Equal((1, 1, 0.1), (gold.GetProperty("answers").GetInt32(), gold.GetProperty("gold_items").GetInt32(), gold.GetProperty("gold_rate").GetDouble()));
        var listed = await cli.JsonAsync("gold", "p", "list");
        Assert.Equal("x2", listed.GetProperty("gold")[0].GetProperty("external_id").GetString());
        (code, _, error) = await cli.RunAsync("gold", "p", "import", Path.Combine(cli.Dir, "missing.csv"));
        Assert.Equal(1, code);
        Assert.Contains("not found", error, StringComparison.Ordinal);
    }
}
