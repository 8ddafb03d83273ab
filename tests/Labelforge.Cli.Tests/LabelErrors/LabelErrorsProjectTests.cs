using System.Text.Json;

namespace Labelforge.Cli.Tests.LabelErrors;

public class LabelErrorsProjectTests
{
    [Fact]
    public async Task Flipped_labels_in_a_project_are_found_among_the_suspects()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "yt", "--labels", "ham,spam");
        var source = Path.Combine(TestPaths.Datasets, "youtube-spam", "uci-raw", "Youtube01-Psy.csv");
        var imported = await cli.JsonAsync("import", "yt", source, "--text-field", "CONTENT", "--id-field", "COMMENT_ID");
        var items = await cli.JsonAsync("export", "yt", "--format", "jsonl", "--output", Path.Combine(cli.Dir, "items.jsonl"));
        Assert.Equal(imported.GetProperty("imported").GetInt32(), items.GetProperty("rows").GetInt32());

        // Label every comment by the dataset's CLASS column, but flip 12 obvious spam comments to ham.
        var flipped = new HashSet<string>();
        var lines = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(cli.Dir, "items.jsonl")))
        {
            var doc = JsonDocument.Parse(line).RootElement;
            var data = doc.GetProperty("data");
            var spam = data.GetProperty("CLASS").GetString() == "1";
            var text = doc.GetProperty("text").GetString()!;
            var id = doc.GetProperty("external_id").GetString()!;
            if (spam && flipped.Count < 12 && (text.Contains("subscribe", StringComparison.OrdinalIgnoreCase) || text.Contains("check out", StringComparison.OrdinalIgnoreCase)))
            {
                flipped.Add(id);
                spam = false;
            }
            lines.Add(JsonSerializer.Serialize(new { id, text, label = spam ? "spam" : "ham" }));
        }
        await cli.JsonAsync("project", "create", "audit", "--labels", "ham,spam");
        await cli.JsonAsync("import", "audit", cli.File("labeled.jsonl", string.Join('\n', lines)), "--id-field", "id", "--label-field", "label");

        var result = await cli.JsonAsync("label-errors", "audit", "--folds", "3");
        var suspects = result.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("item_id").GetInt64()).ToList();
        var export = await cli.JsonAsync("export", "audit", "--format", "jsonl", "--output", Path.Combine(cli.Dir, "audit.jsonl"));
        var idOf = File.ReadLines(Path.Combine(cli.Dir, "audit.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetInt64(), e => e.GetProperty("external_id").GetString());
        var found = suspects.Count(s => flipped.Contains(idOf[s]!));
        Assert.True(found >= 6, $"only {found} of {flipped.Count} flipped labels among {suspects.Count} suspects");
        Assert.True(suspects.Count < 80, $"{suspects.Count} suspects is not a review list");
        Assert.Equal(export.GetProperty("rows").GetInt32(), result.GetProperty("items").GetInt32());
    }
}
