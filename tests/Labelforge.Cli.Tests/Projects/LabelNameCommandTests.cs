using System.Text.Json;
using Labelforge.Core.Taxonomy;
using Labelforge.Tests;

namespace Labelforge.Cli.Tests.Projects;

/// <summary>Awkward label names through project create, taxonomy commands, import, export and re-import.</summary>
public class LabelNameCommandTests
{
    [Fact]
    public async Task The_news_label_set_is_accepted_and_paths_take_escapes()
    {
        using var cli = new CliRun();
        var created = await cli.JsonAsync("project", "create", "news", "--labels", "World,Sports,Business,Sci/Tech");
        Assert.Equal(4, created.GetProperty("labels").GetInt32());
        var nested = await cli.JsonAsync("taxonomy", "news", "add", "24/7", "--parent", "Sci/Tech");
        Assert.Equal(@"Sci\/Tech/24\/7", nested.GetProperty("path").GetString());
        var moved = await cli.JsonAsync("taxonomy", "news", "move", @"Sci\/Tech/24\/7", "--parent", "World");
        Assert.Equal(@"World/24\/7", moved.GetProperty("path").GetString());
        var split = await cli.JsonAsync("taxonomy", "news", "split", "Business", "--into", @"Mergers\, Acquisitions, Markets|Stocks");
        Assert.Equal(["Mergers, Acquisitions", "Markets|Stocks"], split.EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        var (code, _, error) = await cli.RunAsync("taxonomy", "news", "add", "  N/A ");
        Assert.Equal(0, code);
        Assert.Contains("note: label name '  N/A ' had whitespace around it; it is stored as 'N/A'", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("taxonomy", "news", "add", "world");
        Assert.Equal(1, code);
        Assert.Contains("names under one parent are unique ignoring case", error, StringComparison.Ordinal);
        var (_, shown, _) = await cli.RunAsync("taxonomy", "news", "list");
        Assert.Contains(@"World/24\/7", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("label-studio")]
    public async Task Awkward_names_survive_import_export_and_re_import(string format)
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "source", "--multi-label", "--labels", LabelPath.Join(AwkwardLabelNames.All, LabelPath.ListSeparator));
        var shown = await cli.JsonAsync("project", "show", "source");
        Assert.Equal(AwkwardLabelNames.All, shown.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("name").GetString()));

        var rows = AwkwardLabelNames.All.Select((name, i) => $"row {i},{Csv(LabelPath.EscapeItem(name, LabelPath.CellSeparator))}")
            .Append($"row many,{Csv(LabelPath.Join(["Sci/Tech", "pipe|line", @"C:\temp"], LabelPath.CellSeparator))}");
        var imported = await cli.JsonAsync("import", "source", cli.File("in.csv", string.Join("\n", ["text,label", .. rows])), "--label-field", "label");
        Assert.Equal(0, imported.GetProperty("error_count").GetInt32());
        Assert.Empty(imported.GetProperty("label_notices").EnumerateArray());

        var file = Path.Combine(cli.Dir, "out" + (format == "label-studio" ? ".json" : "." + format));
        await cli.JsonAsync("export", "source", "--format", format, "--output", file);
        await cli.JsonAsync("project", "create", "copy", "--multi-label");
        string[] fields = format == "label-studio" ? [] : ["--label-field", "labels"];
        var again = await cli.JsonAsync(["import", "copy", file, "--format", format, "--create-labels", .. fields]);
        Assert.Equal(0, again.GetProperty("error_count").GetInt32());
        Assert.Equal(AwkwardLabelNames.All.Order(StringComparer.Ordinal), again.GetProperty("created_labels").EnumerateArray().Select(l => l.GetString()!).Order(StringComparer.Ordinal));

        Assert.Equal(await LabelsByTextAsync(cli, "source"), await LabelsByTextAsync(cli, "copy"));
        Assert.Equal(["Sci/Tech", "pipe|line", @"C:\temp"], (await LabelsByTextAsync(cli, "copy"))["row many"]);
    }

    [Fact]
    public async Task An_import_says_which_labels_it_trimmed_or_matched_ignoring_case()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "Sci/Tech,Spam");
        var file = cli.File("in.csv", "text,label\na,Sci/Tech \nb,spam\nc,spam\n");
        var (code, _, error) = await cli.RunAsync("import", "p", file, "--label-field", "label");
        Assert.Equal(0, code);
        Assert.Contains("note: label 'Sci/Tech ' was read as 'Sci/Tech': whitespace around it was removed (1 row)", error, StringComparison.Ordinal);
        Assert.Contains("note: label 'spam' was read as 'Spam': it matched ignoring case (2 rows)", error, StringComparison.Ordinal);
    }

    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>Each item's current labels in a jsonl export of the project, keyed by text.</summary>
    private static async Task<Dictionary<string, string[]>> LabelsByTextAsync(CliRun cli, string project)
    {
        var file = Path.Combine(cli.Dir, project + "-check.jsonl");
        await cli.JsonAsync("export", project, "--format", "jsonl", "--output", file);
        return File.ReadLines(file).Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(
            row => row.GetProperty("text").GetString()!,
            row => row.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray());
    }
}
