using System.Text.Json;

namespace Labelforge.Cli.Tests.Projects;

/// <summary>Names shared under different parents through the taxonomy commands, import, export and re-import.</summary>
public class SharedLabelNameCommandTests
{
    private const string Ambiguous = "label 'Other' is ambiguous: it means 3 labels ('/Other', 'Animals/Other', 'Plants/Other')";

    private static async Task CreateAsync(CliRun cli, string project)
    {
        await cli.JsonAsync("project", "create", project, "--multi-label", "--labels", "Animals,Plants,Other");
        await cli.JsonAsync("taxonomy", project, "add", "Other", "--parent", "Animals");
        await cli.JsonAsync("taxonomy", project, "add", "Other", "--parent", "Plants");
    }

    [Fact]
    public async Task A_shared_name_is_taken_under_each_parent_and_a_bare_reference_to_it_is_refused()
    {
        using var cli = new CliRun();
        await CreateAsync(cli, "zoo");
        var (code, _, error) = await cli.RunAsync("taxonomy", "zoo", "add", "other", "--parent", "Plants");
        Assert.Equal(1, code);
        Assert.Contains("A label named 'Other' already exists under the same parent", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("taxonomy", "zoo", "add", "Cat", "--parent", "Other");
        Assert.Equal(1, code);
        Assert.Contains(Ambiguous, error, StringComparison.Ordinal);
        Assert.Contains("Write the one you mean by its path, for example '/Other'", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("taxonomy", "zoo", "deprecate", "OTHER");
        Assert.Equal(1, code);
        Assert.Contains("label 'OTHER' is ambiguous", error, StringComparison.Ordinal);

        var cat = await cli.JsonAsync("taxonomy", "zoo", "add", "Cat", "--parent", "Animals/Other");
        Assert.Equal("Animals/Other/Cat", cat.GetProperty("path").GetString());
        var top = await cli.JsonAsync("taxonomy", "zoo", "edit", "/Other", "--hotkey", "o");
        Assert.Equal(("Other", "o"), (top.GetProperty("path").GetString(), top.GetProperty("hotkey").GetString()));
        var (_, shown, _) = await cli.RunAsync("taxonomy", "zoo", "list");
        Assert.Contains("Plants/Other", shown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jsonl")]
    [InlineData("csv")]
    [InlineData("label-studio")]
    public async Task Shared_names_import_export_and_re_import_to_the_same_labels(string format)
    {
        using var cli = new CliRun();
        await CreateAsync(cli, "source");
        var file = cli.File("in.csv", "text,label\na,Animals/Other\nb,/Other|Plants\nc,plants / other\nd,Other\ne,Animals\n");
        var (code, output, error) = await cli.RunAsync("import", "source", file, "--label-field", "label", "--json");
        Assert.Equal(3, code); // good rows kept, one bad
        var imported = JsonDocument.Parse(output).RootElement;
        Assert.Equal((4, 1), (imported.GetProperty("imported").GetInt32(), imported.GetProperty("error_count").GetInt32()));
        Assert.Contains($"{file}:5: label: {Ambiguous}", error, StringComparison.Ordinal);

        var exported = Path.Combine(cli.Dir, "out" + (format == "label-studio" ? ".json" : "." + format));
        await cli.JsonAsync("export", "source", "--format", format, "--output", exported);
        await CreateAsync(cli, "copy");
        string[] fields = format == "label-studio" ? [] : ["--label-field", "labels"];
        var again = await cli.JsonAsync(["import", "copy", exported, "--format", format, .. fields]);
        Assert.Equal((0, 0), (again.GetProperty("error_count").GetInt32(), again.GetProperty("label_notices").GetArrayLength()));

        var source = await LabelsByTextAsync(cli, "source");
        Assert.Equal(["Animals/Other"], source["a"]);
        Assert.Equal(["/Other", "Plants"], source["b"]);
        Assert.Equal(["Plants/Other"], source["c"]);
        Assert.Equal(["Animals"], source["e"]);
        Assert.Equal(source, await LabelsByTextAsync(cli, "copy"));
    }

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
