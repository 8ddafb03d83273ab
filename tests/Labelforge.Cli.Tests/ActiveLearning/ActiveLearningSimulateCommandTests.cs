namespace Labelforge.Cli.Tests.ActiveLearning;

public class ActiveLearningSimulateCommandTests
{
    private static string Data(string name) => CliRun.TestFile("TestData", "al", name);

    private static Task<CliResult> Simulate(string file, params string[] extra) =>
        CliRun.ExecAsync(["al", "simulate", "--input", Data(file), "--text-field", "text", "--label-field", "label",
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
        var json = CliRun.Json(stdout);
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

        Assert.Equal(0, first.Code);
        Assert.Equal(strategy, CliRun.Json(first.Out).GetProperty("strategy").GetString());
        Assert.Equal(CliRun.Json(first.Out).GetProperty("curve").ToString(), CliRun.Json(second.Out).GetProperty("curve").ToString());
    }

    [Fact]
    public async Task Class_weights_none_is_the_unweighted_model_and_others_are_refused()
    {
        // small.csv is two-thirds ham: the full-data model differs once the classes are weighted.
        var balanced = await Simulate("small.csv", "--json");
        var explicitBalanced = await Simulate("small.csv", "--class-weights", "balanced", "--json");
        var none = await Simulate("small.csv", "--class-weights", "none", "--json");
        var bad = await Simulate("small.csv", "--class-weights", "inverse");

        Assert.Equal(0, none.Code);
        Assert.Equal(CliRun.Json(balanced.Out).GetProperty("curve").ToString(), CliRun.Json(explicitBalanced.Out).GetProperty("curve").ToString());
        Assert.NotEqual(CliRun.Json(balanced.Out).GetProperty("curve").ToString(), CliRun.Json(none.Out).GetProperty("curve").ToString());
        Assert.NotEqual(0, bad.Code);
        Assert.Contains("inverse", bad.Err);
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

    [Fact]
    public async Task Split_file_and_init_items_fix_the_pool_the_test_items_and_the_first_labels()
    {
        var split = await SplitFileAsync("{\"pool\": [" + string.Join(",", Enumerable.Range(0, 180)) + "], \"test\": [" + string.Join(",", Enumerable.Range(180, 60)) + "], \"n\": 240}");
        try
        {
            var (exit, stdout, stderr) = await Simulate("small.csv", "--split", split, "--init-items", "0,1,2,3,4,5,6,7,8,9,10,11", "--json");

            Assert.Equal(0, exit);
            Assert.Equal("", stderr);
            var json = CliRun.Json(stdout);
            Assert.Equal(180, json.GetProperty("pool_items").GetInt32());
            Assert.Equal(60, json.GetProperty("test_items").GetInt32());
            Assert.Equal([12, 22, 32, 42, 52, 60], json.GetProperty("curve").EnumerateArray().Select(p => p.GetProperty("labels").GetInt32()));
            Assert.True(json.GetProperty("mean_round_seconds").GetDouble() > 0);
        }
        finally
        {
            File.Delete(split);
        }
    }

    [Theory]
    [InlineData("{\"pool\": [0, 1, 2]}", "", "field 'test' is missing")]
    [InlineData("{\"pool\": [0, 1, 2], \"test\": [2, 3]}", "", "item 2 is listed twice")]
    [InlineData("{\"pool\": [0, 1, 2], \"test\": [3, 9999]}", "", "test item 9999 is outside the 240 items")]
    [InlineData("{\"pool\": [0, 1, 2], \"test\": [3, \"x\"]}", "", "'test' item 1 is \"x\", not a row number")]
    [InlineData("{\"pool\": [0, 1, 2], \"test\": [3]}", "0,3", "initial item 3 is not in the pool")]
    [InlineData("{\"pool\": [0, 1, 2], \"test\": [3]}", "0,x", "--init-items: 'x' is not a row number")]
    [InlineData("{\"pool\": [0, 1", "", "not valid JSON")]
    public async Task Bad_split_files_fail_with_a_clear_message(string content, string initItems, string message)
    {
        var split = await SplitFileAsync(content);
        try
        {
            string[] extra = initItems == "" ? ["--split", split] : ["--split", split, "--init-items", initItems];
            var (exit, stdout, stderr) = await Simulate("small.csv", extra);

            Assert.NotEqual(0, exit);
            Assert.Equal("", stdout);
            Assert.Contains(message, stderr);
        }
        finally
        {
            File.Delete(split);
        }
    }

    [Fact]
    public async Task Init_items_without_a_split_are_refused()
    {
        var (exit, _, stderr) = await Simulate("small.csv", "--init-items", "1,2");

        Assert.NotEqual(0, exit);
        Assert.Contains("--init-items needs --split", stderr);
    }

    private static async Task<string> SplitFileAsync(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"labelforge-split-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, content, TestContext.Current.CancellationToken);
        return path;
    }
}
