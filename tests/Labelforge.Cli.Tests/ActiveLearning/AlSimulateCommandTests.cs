namespace Labelforge.Cli.Tests.ActiveLearning;

public class AlSimulateCommandTests
{
    private static string Data(string name) => FileCli.TestData("al", name);

    private static Task<(int Exit, string Out, string Err)> Simulate(string file, params string[] extra) =>
        FileCli.RunAsync(["al", "simulate", "--input", Data(file), "--text-field", "text", "--label-field", "label",
            "--init", "10", "--batch", "10", "--budget", "60", "--seed", "3", .. extra]);

    [Theory]
    [InlineData("small.csv")]
    [InlineData("small.tsv")]
    [InlineData("small.jsonl.gz")]
    public async Task Json_reports_the_curve_full_data_score_and_thresholds(string file)
    {
        var (exit, stdout, stderr) = await Simulate(file, "--strategy", "margin", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var json = FileCli.Json(stdout);
        var curve = json.GetProperty("curve").EnumerateArray().ToList();
        Assert.Equal([10, 20, 30, 40, 50, 60], curve.Select(p => p.GetProperty("labels").GetInt32()));
        Assert.All(curve, p => Assert.InRange(p.GetProperty("macro_f1").GetDouble(), 0, 1));
        Assert.True(json.GetProperty("full_data").GetProperty("accuracy").GetDouble() > 0.8);
        Assert.True(json.TryGetProperty("labels_to_95", out _));
        Assert.True(json.TryGetProperty("labels_to_98", out _));
        Assert.Equal(48, json.GetProperty("test_items").GetInt32());
    }

    [Theory]
    [InlineData("random")]
    [InlineData("least-confidence")]
    [InlineData("entropy")]
    [InlineData("diversity")]
    [InlineData("uncertainty-diversity")]
    public async Task Every_strategy_runs_and_is_reproducible(string strategy)
    {
        var first = await Simulate("small.csv", "--strategy", strategy, "--json");
        var second = await Simulate("small.csv", "--strategy", strategy, "--json");

        Assert.Equal(0, first.Exit);
        Assert.Equal(strategy, FileCli.Json(first.Out).GetProperty("strategy").GetString());
        Assert.Equal(FileCli.Json(first.Out).GetProperty("curve").ToString(), FileCli.Json(second.Out).GetProperty("curve").ToString());
    }

    [Fact]
    public async Task Plot_writes_an_svg_chart()
    {
        var path = Path.Combine(Path.GetTempPath(), $"labelforge-al-{Guid.NewGuid():N}.svg");
        try
        {
            var (exit, _, _) = await Simulate("small.csv", "--plot", path);

            Assert.Equal(0, exit);
            var svg = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
            Assert.StartsWith("<svg", svg);
            Assert.Contains("<polyline", svg);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("no-header.csv", "no-header.csv:1: the header has no column 'text'")]
    [InlineData("wrong-columns.csv", "wrong-columns.csv:3: expected 2 fields like the header but found 3")]
    [InlineData("bad-json.jsonl", "bad-json.jsonl:2: not valid JSON")]
    [InlineData("missing-field.jsonl", "missing-field.jsonl:2: field 'text' is missing")]
    [InlineData("one-class.csv", "only one label value")]
    [InlineData("nothing-here.csv", "file not found")]
    public async Task Bad_files_fail_with_a_clear_message(string file, string message)
    {
        var (exit, stdout, stderr) = await Simulate(file, "--json");

        Assert.NotEqual(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }
}
