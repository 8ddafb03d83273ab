namespace Labelforge.Cli.Tests.Consensus;

public class ConsensusCommandTests
{
    private static string Data(string name) => CliRun.TestFile("Consensus", "TestData", name);

    private static readonly string Bluebirds = Path.Combine(TestPaths.Datasets, "crowd-bluebirds");

    [Theory]
    [InlineData("majority", 0.7593)]
    [InlineData("dawid-skene", 0.8889)]
    public async Task Bluebirds_accuracy_matches_the_reference(string method, double expected)
    {
        var json = await CliRun.ExecJsonAsync("consensus", "--input", Path.Combine(Bluebirds, "answers.csv"),
            "--gold", Path.Combine(Bluebirds, "gold.csv"), "--method", method, "--json");
        Assert.Equal(method, json.GetProperty("method").GetString());
        Assert.Equal(108, json.GetProperty("items").GetInt32());
        Assert.Equal(39, json.GetProperty("annotators").GetInt32());
        Assert.True(json.GetProperty("iterations").GetInt32() >= 1);
        Assert.True(json.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal(expected, json.GetProperty("accuracy").GetDouble(), 0.005);
    }

    [Fact]
    public async Task Rte_tsv_reads_with_column_options_and_reproduces_dawid_skene()
    {
        var rte = Path.Combine(TestPaths.Datasets, "crowd-snow2008", "all_collected_data", "rte.standardized.tsv");
        var json = await CliRun.ExecJsonAsync("consensus", "--input", rte, "--delimiter", "tab", "--item-column", "orig_id",
            "--annotator-column", "!amt_worker_ids", "--label-column", "response", "--gold", rte, "--gold-item-column", "orig_id",
            "--method", "dawid-skene", "--json");
        Assert.Equal(800, json.GetProperty("items").GetInt32());
        Assert.Equal(0.9275, json.GetProperty("accuracy").GetDouble(), 0.005);
    }

    [Theory]
    [InlineData("weighted-majority")]
    [InlineData("one-coin")]
    [InlineData("glad")]
    [InlineData("mace")]
    public async Task Every_method_writes_labels_for_quoted_items(string method)
    {
        var output = Path.Combine(Path.GetTempPath(), $"labelforge-{method}-{Guid.NewGuid():N}.csv");
        try
        {
            var json = await CliRun.ExecJsonAsync("consensus", "--input", Data("answers-quoted.csv"),
                "--gold", Data("gold-quoted.csv"), "--method", method, "--output", output, "--json");
            Assert.Equal(3, json.GetProperty("items").GetInt32());
            Assert.Equal(3, json.GetProperty("gold_items").GetInt32());
            Assert.Equal(1, json.GetProperty("skipped_rows").GetInt32());
            var lines = File.ReadAllLines(output);
            Assert.Equal("item,label,confidence", lines[0]);
            Assert.StartsWith("\"doc, one\",pos,", lines[1]);
            Assert.StartsWith("\"say \"\"hi\"\"\",neg,", lines[2]);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Smoothing_zero_writes_crowd_kit_confidences()
    {
        var output = Path.Combine(Path.GetTempPath(), $"lf-ds-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, _, err) = await CliRun.ExecAsync("consensus", "--input", Path.Combine(Bluebirds, "answers.csv"),
                "--method", "dawid-skene", "--smoothing", "0", "--tolerance=-Infinity", "--output", output);
            Assert.True(exit == 0, err);
            var reference = File.ReadLines(Path.Combine(Bluebirds, "reference", "crowdkit-1.4.1-dawid-skene-100-steps.csv")).Skip(1)
                .Select(l => l.Split(','))
                .ToDictionary(c => c[0], c => Math.Max(Parse(c[2]), Parse(c[3])));
            var ours = File.ReadLines(output).Skip(1).Select(l => l.Split(',')).ToList();
            Assert.Equal(108, ours.Count);
            foreach (var row in ours)
                Assert.Equal(reference[row[0]], Parse(row[2]), 1e-6);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Smoothed_dawid_skene_runs_to_convergence_as_the_dataset_baseline()
    {
        var json = await CliRun.ExecJsonAsync("consensus", "--input", Path.Combine(Bluebirds, "answers.csv"),
            "--gold", Path.Combine(Bluebirds, "gold.csv"), "--method", "dawid-skene", "--smoothing", "0.01", "--json");
        Assert.Equal(0.8981, json.GetProperty("accuracy").GetDouble(), 0.005);
    }

    [Fact]
    public async Task The_former_name_aggregate_runs_the_same_consensus()
    {
        string[] rest = ["--input", Path.Combine(Bluebirds, "answers.csv"), "--gold", Path.Combine(Bluebirds, "gold.csv"), "--method", "dawid-skene", "--json"];
        var current = await CliRun.ExecJsonAsync(["consensus", .. rest]);
        var former = await CliRun.ExecJsonAsync(["aggregate", .. rest]);
        Assert.Equal(current.GetProperty("accuracy").GetDouble(), former.GetProperty("accuracy").GetDouble());
        Assert.Equal(current.GetProperty("iterations").GetInt32(), former.GetProperty("iterations").GetInt32());
    }

    private static double Parse(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Uniform_priors_change_one_coin_on_bluebirds()
    {
        string[] args = ["consensus", "--input", Path.Combine(Bluebirds, "answers.csv"), "--gold", Path.Combine(Bluebirds, "gold.csv"),
            "--method", "one-coin", "--json"];
        var estimated = await CliRun.ExecJsonAsync(args);
        var uniform = await CliRun.ExecJsonAsync([.. args, "--uniform-priors"]);
        Assert.True(uniform.GetProperty("accuracy").GetDouble() > estimated.GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public async Task Clamped_gold_items_keep_their_gold_label()
    {
        var json = await CliRun.ExecJsonAsync("consensus", "--input", Data("answers-quoted.csv"),
            "--gold", Data("gold-quoted.csv"), "--method", "dawid-skene", "--clamp-gold", "--json");
        Assert.Equal(1.0, json.GetProperty("accuracy").GetDouble());
    }

    [Fact]
    public async Task Plain_text_summary_without_json()
    {
        var (exit, output, _) = await CliRun.ExecAsync("consensus", "--input", Data("answers-quoted.csv"), "--method", "majority");
        Assert.Equal(0, exit);
        Assert.StartsWith("majority: 3 items, 3 annotators, 8 answers", output);
    }

    [Theory]
    [InlineData("missing-column.csv", "missing column 'annotator'")]
    [InlineData("empty.csv", "the file is empty")]
    [InlineData("header-only.csv", "no answers after the header")]
    [InlineData("unterminated-quote.csv", "never closed")]
    [InlineData("text-after-quote.csv", "line 3: unexpected 'b' after a closing quote")]
    [InlineData("short-row.csv", "line 3: expected at least 3 fields")]
    [InlineData("no-such-file.csv", "file not found")]
    public async Task Bad_answer_files_fail_with_a_clear_message(string file, string message)
    {
        var (exit, output, error) = await CliRun.ExecAsync("consensus", "--input", Data(file), "--method", "majority", "--json");
        Assert.NotEqual(0, exit);
        Assert.Empty(output);
        Assert.Contains(file, error);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task Unknown_method_is_rejected()
    {
        var (exit, _, error) = await CliRun.ExecAsync("consensus", "--input", Data("answers-quoted.csv"), "--method", "oracle");
        Assert.NotEqual(0, exit);
        Assert.Contains("oracle", error);
    }
}
