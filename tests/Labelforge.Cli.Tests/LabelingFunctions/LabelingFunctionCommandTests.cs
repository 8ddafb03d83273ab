using System.Text.Json;

namespace Labelforge.Cli.Tests.LabelingFunctions;

public class LabelingFunctionCommandTests
{
    private static string Data(string name) => Path.Combine(CliRun.TestFile("LabelingFunctions", "TestData"), name);

    [Fact]
    public async Task Apply_writes_a_matrix_with_one_column_per_function()
    {
        var output = CliRun.TempFile(".csv");
        var (code, stdout, error) = await CliRun.ExecAsync("lf", "apply", "--lfs", Data("spam.yaml"), "--input", Data("docs.csv"), "--output", output, "--json");
        Assert.True(code == 0, error);
        var lines = await File.ReadAllLinesAsync(output, TestContext.Current.CancellationToken);
        Assert.Equal("has_link,mentions_song,subscribe_all,brands,many_likes,custom.all_caps,custom.short_text,alice", lines[0]);
        Assert.Equal(7, lines.Length);
        Assert.Equal("1,-1,-1,-1,-1,-1,-1,1", lines[1]);
        Assert.Equal("-1,0,-1,-1,0,-1,-1,0", lines[2]);
        Assert.Equal("-1,-1,-1,1,-1,-1,-1,1", lines[4]);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(6, json.RootElement.GetProperty("items").GetInt32());
        Assert.Equal(64, json.RootElement.GetProperty("function_runs")[0].GetProperty("fingerprint").GetString()!.Length);
        // The functions' own time is reported beside the whole command's (read, apply, write).
        var applySeconds = json.RootElement.GetProperty("apply_seconds").GetDouble();
        Assert.InRange(applySeconds, 0, json.RootElement.GetProperty("seconds").GetDouble());
    }

    [Fact]
    public async Task Apply_reads_jsonl_and_reuses_unchanged_columns_with_previous()
    {
        var output = CliRun.TempFile(".csv");
        Assert.Equal(0, (await CliRun.ExecAsync("lf", "apply", "--lfs", Data("spam.yaml"), "--input", Data("docs.jsonl"), "--output", output)).Code);
        var second = CliRun.TempFile(".csv");
        var (code, stdout, _) = await CliRun.ExecAsync("lf", "apply", "--lfs", Data("spam.yaml"), "--input", Data("docs.jsonl"),
            "--output", second, "--previous", output, "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal(8, json.RootElement.GetProperty("reused_functions").GetInt32());
        Assert.Equal(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken),
            await File.ReadAllTextAsync(second, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Bad_yaml_syntax_reports_line_and_column()
    {
        var (code, _, error) = await CliRun.ExecAsync("lf", "apply", "--lfs", Data("bad_syntax.yaml"), "--input", Data("docs.csv"), "--output", CliRun.TempFile(".csv"));
        Assert.Equal(1, code);
        Assert.Contains("bad_syntax.yaml:5:", error, StringComparison.Ordinal);
        Assert.Contains("invalid YAML", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_definitions_are_all_reported_with_what_to_do()
    {
        var (code, _, error) = await CliRun.ExecAsync("lf", "apply", "--lfs", Data("bad_definitions.yaml"), "--input", Data("docs.csv"), "--output", CliRun.TempFile(".csv"));
        Assert.Equal(1, code);
        Assert.Contains("4 problem(s)", error, StringComparison.Ordinal);
        Assert.Contains("bad_definitions.yaml:4:11: function 'what': unknown kind 'telepathy'; use one of", error, StringComparison.Ordinal);
        Assert.Contains("needs `pattern:`", error, StringComparison.Ordinal);
        Assert.Contains("bad_definitions.yaml:12:12: function 'wrong_label' (keyword): unknown label 'eggs'", error, StringComparison.Ordinal);
        Assert.Contains("bad regex '(unclosed'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_csharp_compile_error_names_the_source_line_and_column()
    {
        var (code, _, error) = await CliRun.ExecAsync("lf", "apply", "--lfs", Data("bad_compile.yaml"), "--input", Data("docs.csv"), "--output", CliRun.TempFile(".csv"));
        Assert.Equal(1, code);
        Assert.Contains("broken.cs:7:20: CS1061", error, StringComparison.Ordinal);
        Assert.Contains("Txet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_function_is_counted_as_faults_and_the_run_succeeds()
    {
        var (code, stdout, _) = await CliRun.ExecAsync("lf", "apply", "--lfs", Data("throwing.yaml"), "--input", Data("docs.csv"), "--output", CliRun.TempFile(".csv"), "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var fragile = json.RootElement.GetProperty("function_runs")[0];
        Assert.Equal(1, fragile.GetProperty("faults").GetInt64());
        Assert.StartsWith("item 4:", fragile.GetProperty("first_fault").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_reports_snorkel_statistics_and_accuracy_against_gold()
    {
        var (code, stdout, _) = await CliRun.ExecAsync("lf", "analyze", "--matrix", Data("matrix.csv"), "--gold", Data("gold.csv"), "--json");
        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(stdout);
        var a = json.RootElement.GetProperty("functions")[0];
        Assert.Equal("a", a.GetProperty("name").GetString());
        Assert.Equal(0.6, a.GetProperty("coverage").GetDouble(), 9);
        Assert.Equal(0.2, a.GetProperty("conflicts").GetDouble(), 9);
        Assert.Equal(0.5, a.GetProperty("empirical_accuracy").GetDouble(), 9);
        Assert.Equal(1, a.GetProperty("conflict_samples")[0].GetInt32());
    }

    [Fact]
    public async Task A_matrix_with_a_non_integer_names_file_line_and_column()
    {
        var (code, _, error) = await CliRun.ExecAsync("lf", "analyze", "--matrix", Data("bad_matrix.csv"), "--json");
        Assert.Equal(1, code);
        Assert.Contains("bad_matrix.csv:3: column 'b': 'spam' is not a label index", error, StringComparison.Ordinal);
    }
}
