using System.Text.Json;

namespace Labelforge.Cli.Tests.Import;

/// <summary>`labelforge import` and `export` on files in the shapes doccano, Prodigy, Label Studio and classic corpora ship.</summary>
public class ForeignToolImportTests
{
    private static string Data(string name) => CliRun.TestFile("TestData", "import", name);

    [Fact]
    public async Task Two_labels_in_a_single_label_project_are_a_reported_row_error_and_strict_writes_nothing()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "positive,negative");

        var (code, _, error) = await cli.RunAsync("import", "p", Data("doccano-reviews.jsonl"), "--label-field", "label", "--strict");
        Assert.Equal(1, code);
        Assert.Contains("doccano-reviews.jsonl:2: label: 2 labels ('positive', 'negative') on one row, but project 'p' is single-label", error, StringComparison.Ordinal);
        Assert.Equal(0, (await cli.JsonAsync("project", "show", "p")).GetProperty("project").GetProperty("items").GetInt32());

        (code, _, _) = await cli.RunAsync("import", "p", Data("doccano-reviews.jsonl"), "--label-field", "label");
        Assert.Equal(3, code);

        await cli.JsonAsync("project", "create", "m", "--multi-label", "--labels", "positive,negative");
        var multi = await cli.JsonAsync("import", "m", Data("doccano-reviews.jsonl"), "--label-field", "label");
        Assert.Equal((3, 0), (multi.GetProperty("imported").GetInt32(), multi.GetProperty("error_count").GetInt32()));
    }

    [Fact]
    public async Task Prodigy_rejects_are_the_other_class_and_ignores_are_reported()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "INSULT,OK");

        var (code, output, _) = await cli.RunAsync("import", "p", Data("prodigy-insult.jsonl"), "--label-field", "label");
        Assert.Equal(0, code);
        Assert.Contains("1 rows with Prodigy answer \"ignore\" were skipped", output, StringComparison.Ordinal);
        var report = await cli.JsonAsync("import", "p", Data("prodigy-insult.jsonl"), "--label-field", "label");
        Assert.Equal(1, report.GetProperty("ignored").GetInt32());

        var export = Path.Combine(cli.Dir, "out.jsonl");
        await cli.JsonAsync("export", "p", "--format", "jsonl", "--output", export);
        Assert.Equal([["INSULT"], ["OK"]], File.ReadLines(export).Select(Labels));
    }

    [Fact]
    public async Task A_label_studio_export_round_trips_through_import_and_export()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "World,Sports");
        await cli.JsonAsync("import", "p", Data("label-studio-export.json"), "--text-field", "article");
        var output = Path.Combine(cli.Dir, "ls.json");

        await cli.JsonAsync("export", "p", "--format", "label-studio", "--output", output);

        using var before = JsonDocument.Parse(File.ReadAllText(Data("label-studio-export.json")));
        using var after = JsonDocument.Parse(File.ReadAllText(output));
        var (task, again) = (before.RootElement[0], after.RootElement[0]);
        Assert.True(JsonElement.DeepEquals(task.GetProperty("data"), again.GetProperty("data")));
        for (var i = 0; i < 2; i++)
        {
            var (a, b) = (task.GetProperty("annotations")[i], again.GetProperty("annotations")[i]);
            foreach (var field in new[] { "completed_by", "ground_truth", "lead_time" })
                Assert.Equal(a.GetProperty(field).GetRawText(), b.GetProperty(field).GetRawText());
            Assert.Equal(DateTimeOffset.Parse(a.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
                DateTimeOffset.Parse(b.GetProperty("created_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            var result = b.GetProperty("result")[0];
            Assert.Equal(("topic", "article"), (result.GetProperty("from_name").GetString(), result.GetProperty("to_name").GetString()));
        }
        var prediction = after.RootElement[1].GetProperty("predictions")[0];
        Assert.Equal(("topics-2", 0.7), (prediction.GetProperty("model_version").GetString(), prediction.GetProperty("score").GetDouble()));

        await cli.JsonAsync("export", "p", "--format", "label-studio", "--output", output, "--ls-from-name", "category");
        await cli.JsonAsync("export", "p", "--format", "label-studio", "--output", output);
        using var renamed = JsonDocument.Parse(File.ReadAllText(output));
        Assert.Equal("category", renamed.RootElement[0].GetProperty("annotations")[0].GetProperty("result")[0].GetProperty("from_name").GetString());
    }

    [Fact]
    public async Task A_prediction_is_an_item_label_only_with_include_model()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "World,Sports");
        await cli.JsonAsync("import", "p", Data("label-studio-export.json"), "--text-field", "article");
        var output = Path.Combine(cli.Dir, "out.jsonl");

        await cli.JsonAsync("export", "p", "--format", "jsonl", "--output", output);
        Assert.Empty(Labels(File.ReadLines(output).Last()));
        await cli.JsonAsync("export", "p", "--format", "jsonl", "--output", output, "--include", "model");
        Assert.Equal(["World"], Labels(File.ReadLines(output).Last()));
    }

    [Fact]
    public async Task A_headerless_csv_with_class_ids_imports_with_numbered_columns_and_label_names()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "news", "--labels", "World,Sports,Business,Science");

        var (code, _, error) = await cli.RunAsync("import", "news", Data("headerless-news.csv"), "--text-column", "3");
        Assert.Equal(1, code);
        Assert.Contains("--no-header", error, StringComparison.Ordinal);
        var report = await cli.JsonAsync("import", "news", Data("headerless-news.csv"), "--no-header", "--text-column", "3",
            "--label-column", "1", "--label-names", "World,Sports,Business,Science");

        Assert.Equal((2, 2), (report.GetProperty("imported").GetInt32(), report.GetProperty("annotations").GetInt32()));
        var output = Path.Combine(cli.Dir, "out.jsonl");
        await cli.JsonAsync("export", "news", "--format", "jsonl", "--output", output);
        var rows = File.ReadLines(output).ToList();
        Assert.Equal([["Science"], ["World"]], rows.Select(Labels));
        Assert.Equal("A late goal settled it.", JsonDocument.Parse(rows[0]).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_tab_separated_csv_imports_and_a_coco_file_is_named()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "pos,neg");

        var tsv = await cli.JsonAsync("import", "p", Data("reviews-tab.csv"), "--label-field", "label");
        Assert.Equal(2, tsv.GetProperty("imported").GetInt32());
        var (code, _, error) = await cli.RunAsync("import", "p", Data("coco.json"));
        Assert.Equal(1, code);
        Assert.Contains("looks like a COCO dataset", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("coco.json", StringComparison.Ordinal));
    }

    private static string[] Labels(string line) =>
        [.. JsonDocument.Parse(line).RootElement.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!)];
}
