using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Labelforge.Cli.Tests.LabelingFunctions;

public class LabelModelCommandTests
{
    [Theory]
    [InlineData("youtube-spam", "matrix-completion", 0.84)]
    [InlineData("youtube-spam", "majority-vote", 0.80)]
    [InlineData("sms-spam", "matrix-completion", 0.84)]
    [InlineData("sms-spam", "dawid-skene", 0.80)]
    public async Task Fit_on_wrench_train_scores_the_test_split(string dataset, string model, double floor)
    {
        var (train, _) = await WriteWrench(dataset, "train");
        var (test, gold) = await WriteWrench(dataset, "test");
        var probabilities = CliRun.TempFile(".csv");
        var (code, stdout, error) = await CliRun.ExecAsync("label-model", "fit", "--train", train, "--eval", test, "--eval-gold", gold,
            "--cardinality", "2", "--model", model, "--seed", "42", "--output", probabilities, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(model, root.GetProperty("model").GetString());
        Assert.True(root.GetProperty("fit_seconds").GetDouble() >= 0);
        Assert.True(root.GetProperty("accuracy").GetDouble() >= floor, stdout);
        Assert.True(root.GetProperty("accuracy_abstain").GetDouble() <= root.GetProperty("accuracy").GetDouble() + 0.1);
        Assert.InRange(root.GetProperty("coverage").GetDouble(), 0.3, 1.0);
        Assert.True(root.TryGetProperty("f1", out _));
        var rows = await File.ReadAllLinesAsync(probabilities, TestContext.Current.CancellationToken);
        Assert.Equal("p0,p1", rows[0]);
        Assert.Equal(1.0, rows[1].Split(',').Sum(p => double.Parse(p, CultureInfo.InvariantCulture)), 9);
    }

    [Theory]
    [InlineData("labelmodel", "label-model", "matrix-completion")]
    [InlineData("label-model", "majority", "majority-vote")]
    public async Task Former_command_and_model_names_still_work_and_report_the_current_model_name(string command, string model, string current)
    {
        var matrix = Path.Combine(CliRun.TestFile("LabelingFunctions", "TestData"), "matrix.csv");
        var json = await CliRun.ExecJsonAsync(command, "fit", "--train", matrix, "--cardinality", "2", "--model", model, "--json");
        Assert.Equal(current, json.GetProperty("model").GetString());
    }

    [Fact]
    public async Task An_unknown_model_is_refused_with_the_current_names()
    {
        var matrix = Path.Combine(CliRun.TestFile("LabelingFunctions", "TestData"), "matrix.csv");
        var (code, _, error) = await CliRun.ExecAsync("label-model", "fit", "--train", matrix, "--cardinality", "2", "--model", "oracle");
        Assert.Equal(1, code);
        Assert.Contains("'oracle'", error, StringComparison.Ordinal);
        Assert.Contains("'matrix-completion'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("'label-model'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_outside_the_cardinality_is_a_user_error()
    {
        var (code, _, error) = await CliRun.ExecAsync("label-model", "fit", "--train", Path.Combine(CliRun.TestFile("LabelingFunctions", "TestData"), "matrix.csv"), "--cardinality", "1");
        Assert.Equal(1, code);
        Assert.Contains("--cardinality", error, StringComparison.Ordinal);
    }

    /// <summary>Converts a WRENCH split to the CLI's file forms: L.csv and GOLD.csv.</summary>
    private static async Task<(string Matrix, string Gold)> WriteWrench(string dataset, string split)
    {
        var path = Path.Combine(TestPaths.Datasets, dataset, "wrench", split + ".json");
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
        var items = document.RootElement.EnumerateObject().OrderBy(p => int.Parse(p.Name, CultureInfo.InvariantCulture)).ToList();
        var m = items[0].Value.GetProperty("weak_labels").GetArrayLength();
        var matrix = new StringBuilder(string.Join(',', Enumerable.Range(0, m).Select(j => $"lf{j}"))).Append('\n');
        var gold = new StringBuilder("label\n");
        foreach (var item in items)
        {
            matrix.AppendJoin(',', item.Value.GetProperty("weak_labels").EnumerateArray().Select(e => e.GetInt32())).Append('\n');
            gold.Append(item.Value.GetProperty("label").GetInt32()).Append('\n');
        }
        var (matrixPath, goldPath) = (CliRun.TempFile(".csv"), CliRun.TempFile(".csv"));
        await File.WriteAllTextAsync(matrixPath, matrix.ToString(), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(goldPath, gold.ToString(), TestContext.Current.CancellationToken);
        return (matrixPath, goldPath);
    }
}
