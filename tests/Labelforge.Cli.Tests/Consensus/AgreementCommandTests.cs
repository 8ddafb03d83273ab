namespace Labelforge.Cli.Tests.Consensus;

public class AgreementCommandTests
{
    private static string Data(string name) => CliRun.TestFile("Consensus", "TestData", name);

    private static readonly string Example = Data("krippendorff-example.csv");

    [Theory]
    [InlineData("nominal", 0.743)]
    [InlineData("ordinal", 0.815)]
    [InlineData("interval", 0.849)]
    [InlineData("ratio", 0.797)]
    public async Task Krippendorff_example_file_gives_the_published_alphas(string level, double expected)
    {
        var json = await CliRun.ExecJsonAsync("agreement", "--input", Example, "--item-column", "unit", "--annotator-column", "observer",
            "--label-column", "value", "--metric", "krippendorff-alpha", "--level", level, "--json");
        Assert.Equal("krippendorff-alpha", json.GetProperty("metric").GetString());
        Assert.Equal(expected, json.GetProperty("value").GetDouble(), 0.0005);
        Assert.Equal(12, json.GetProperty("items").GetInt32());
        Assert.Equal(4, json.GetProperty("annotators").GetInt32());
        Assert.False(json.TryGetProperty("ci95", out _));
    }

    [Fact]
    public async Task The_old_worker_column_option_is_still_read_but_help_names_only_the_annotator_column()
    {
        var json = await CliRun.ExecJsonAsync("agreement", "--input", Example, "--item-column", "unit", "--worker-column", "observer",
            "--label-column", "value", "--metric", "krippendorff-alpha", "--json");
        Assert.Equal(4, json.GetProperty("annotators").GetInt32());
        var (exit, help, _) = await CliRun.ExecAsync("agreement", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--annotator-column", help, StringComparison.Ordinal);
        Assert.DoesNotContain("worker-column", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_adds_a_seeded_interval()
    {
        string[] args = ["agreement", "--input", Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "answers.csv"),
            "--metric", "fleiss-kappa", "--bootstrap", "100", "--seed", "3", "--json"];
        var first = await CliRun.ExecJsonAsync(args);
        var again = await CliRun.ExecJsonAsync(args);
        var ci = first.GetProperty("ci95");
        Assert.True(ci.GetProperty("lower").GetDouble() <= first.GetProperty("value").GetDouble());
        Assert.True(ci.GetProperty("upper").GetDouble() >= first.GetProperty("value").GetDouble());
        Assert.Equal(ci.GetRawText(), again.GetProperty("ci95").GetRawText());
    }

    [Theory]
    [InlineData("percent")]
    [InlineData("cohen-kappa")]
    [InlineData("gwet-ac1")]
    public async Task Two_annotator_metrics_with_per_label_and_pairwise_views(string metric)
    {
        var json = await CliRun.ExecJsonAsync("agreement", "--input", Data("text-labels.csv"), "--metric", metric,
            "--per-label", "--pairwise", "--json");
        Assert.Equal(2, json.GetProperty("annotators").GetInt32());
        Assert.True(json.GetProperty("per_label").TryGetProperty("cat", out _));
        Assert.Equal(2, json.GetProperty("pairwise").GetProperty("kappa").GetArrayLength());
    }

    [Fact]
    public async Task Undefined_coefficient_is_null_with_a_note()
    {
        var json = await CliRun.ExecJsonAsync("agreement", "--input", Data("one-label.csv"), "--metric", "fleiss-kappa", "--json");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("value").ValueKind);
        Assert.Contains("undefined", json.GetProperty("note").GetString());
        var percent = await CliRun.ExecJsonAsync("agreement", "--input", Data("one-label.csv"), "--metric", "percent", "--json");
        Assert.Equal(1.0, percent.GetProperty("value").GetDouble());
    }

    [Fact]
    public async Task Cohen_kappa_refuses_three_annotators()
    {
        var (exit, _, error) = await CliRun.ExecAsync("agreement", "--input", Data("three-annotators.csv"), "--metric", "cohen-kappa");
        Assert.NotEqual(0, exit);
        Assert.Contains("three-annotators.csv", error);
        Assert.Contains("exactly two annotators", error);
    }

    [Theory]
    [InlineData("interval")]
    [InlineData("ordinal")]
    public async Task Interval_alpha_refuses_text_labels_naming_line_and_field(string level)
    {
        var (exit, _, error) = await CliRun.ExecAsync("agreement", "--input", Data("text-labels.csv"),
            "--metric", "krippendorff-alpha", "--level", level, "--json");
        Assert.NotEqual(0, exit);
        Assert.Contains("text-labels.csv: line 2, field 'label': 'cat' is not a number", error);
    }

    [Theory]
    [InlineData("missing-column.csv", "missing column 'annotator'")]
    [InlineData("empty.csv", "the file is empty")]
    public async Task Bad_files_fail_with_a_clear_message(string file, string message)
    {
        var (exit, _, error) = await CliRun.ExecAsync("agreement", "--input", Data(file), "--metric", "percent");
        Assert.NotEqual(0, exit);
        Assert.Contains(message, error);
    }
}
