namespace Labelforge.Cli.Tests.LabelErrors;

public class LabelErrorsCommandTests
{
    private static string Data(string name) => CliRun.TestFile("TestData", "label-errors", name);

    [Fact]
    public async Task Json_summary_lists_the_flipped_rows_most_suspicious_first()
    {
        var (exit, stdout, stderr) = await CliRun.ExecAsync("label-errors", "--labels", Data("labels.csv"), "--probs", Data("probs.csv"), "--json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        var json = CliRun.Json(stdout);
        Assert.Equal(2, json.GetProperty("count").GetInt32());
        Assert.Equal([2, 5], json.GetProperty("indices").EnumerateArray().Select(e => e.GetInt32()));
        var detectSeconds = json.GetProperty("detect_seconds").GetDouble();
        Assert.InRange(detectSeconds, 0, json.GetProperty("seconds").GetDouble());
    }

    [Theory]
    [InlineData("prune-by-class")]
    [InlineData("both")]
    [InlineData("confident-learning")]
    [InlineData("predicted-neq-given")]
    public async Task Every_filter_runs(string filter)
    {
        var (exit, stdout, _) = await CliRun.ExecAsync("label-errors", "--labels", Data("labels.csv"), "--probs", Data("probs.csv"), "--filter", filter, "--json");

        Assert.Equal(0, exit);
        Assert.Equal(2, CliRun.Json(stdout).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Text_output_is_a_ranked_table()
    {
        var (exit, stdout, _) = await CliRun.ExecAsync("label-errors", "--labels", Data("labels.csv"), "--probs", Data("probs.csv"));

        Assert.Equal(0, exit);
        Assert.Contains("1\t2\t0\t1\t0.2000", stdout);
    }

    [Theory]
    [InlineData("labels.csv", "probs-no-header.csv", "probs-no-header.csv:1: the first row holds numbers, so the header row is missing")]
    [InlineData("labels.csv", "probs-wrong-columns.csv", "probs-wrong-columns.csv:4: expected 2 probabilities")]
    [InlineData("labels.csv", "probs-not-numbers.csv", "probs-not-numbers.csv:4: field 'p1' is 'abc', not a probability")]
    [InlineData("labels-no-header.csv", "probs.csv", "labels-no-header.csv:1: expected the header row 'label'")]
    [InlineData("labels-out-of-range.csv", "probs.csv", "row 3 has label 5 but the probabilities have only 2 classes")]
    [InlineData("labels-too-few.csv", "probs.csv", "5 labels but 6 probability rows")]
    [InlineData("missing.csv", "probs.csv", "missing.csv: file not found")]
    public async Task Bad_files_fail_with_file_line_and_field(string labels, string probs, string message)
    {
        var (exit, stdout, stderr) = await CliRun.ExecAsync("label-errors", "--labels", Data(labels), "--probs", Data(probs), "--json");

        Assert.NotEqual(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task Unknown_filter_is_rejected()
    {
        var (exit, _, stderr) = await CliRun.ExecAsync("label-errors", "--labels", Data("labels.csv"), "--probs", Data("probs.csv"), "--filter", "nope");

        Assert.NotEqual(0, exit);
        Assert.Contains("nope", stderr);
    }
}
