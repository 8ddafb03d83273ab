namespace Labelforge.Cli.Tests.Projects;

public class ProjectCommandTests
{
    [Fact]
    public async Task Create_list_show_taxonomy_and_delete()
    {
        using var cli = new CliRun();
        var created = await cli.JsonAsync("project", "create", "news", "--type", "text-classification", "--multi-label", "--labels", "sport, politics,tech");
        Assert.True(created.GetProperty("multi_label").GetBoolean());
        Assert.Equal(3, created.GetProperty("labels").GetInt32());

        await cli.JsonAsync("taxonomy", "news", "add", "football", "--parent", "sport", "--hotkey", "f");
        await cli.JsonAsync("taxonomy", "news", "rename", "tech", "technology");
        await cli.JsonAsync("taxonomy", "news", "move", "football");
        await cli.JsonAsync("taxonomy", "news", "deprecate", "politics");
        await cli.JsonAsync("taxonomy", "news", "merge", "football", "sport", "--into", "sports");
        var split = await cli.JsonAsync("taxonomy", "news", "split", "technology", "--into", "hardware,software");
        Assert.Equal(2, split.GetArrayLength());
        var history = await cli.JsonAsync("taxonomy", "news", "history");
        Assert.Equal(["add", "add", "rename", "move", "deprecate", "merge", "split"],
            history.EnumerateArray().Select(h => h.GetProperty("operation").GetString()));
        var v2 = await cli.JsonAsync("taxonomy", "news", "list", "--version", "2");
        Assert.Contains(v2.EnumerateArray(), l => l.GetProperty("path").GetString() == "sport/football");

        var list = await cli.JsonAsync("project", "list");
        Assert.Equal("news", list.GetProperty("projects")[0].GetProperty("name").GetString());
        var (refuse, _, why) = await cli.RunAsync("project", "delete", "news");
        Assert.NotEqual(0, refuse);
        Assert.Contains("--yes", why, StringComparison.Ordinal);
        await cli.JsonAsync("project", "delete", "news", "--yes");
        Assert.Empty((await cli.JsonAsync("project", "list")).GetProperty("projects").EnumerateArray());
    }

    [Fact]
    public async Task Failures_exit_non_zero_with_the_reason_on_stderr()
    {
        using var cli = new CliRun();
        var (code, output, error) = await cli.RunAsync("project", "show", "nope");
        Assert.Equal(1, code);
        Assert.Empty(output);
        Assert.Contains("No project 'nope'", error, StringComparison.Ordinal);
        await cli.JsonAsync("project", "create", "p", "--labels", "a");
        (code, _, error) = await cli.RunAsync("project", "create", "p");
        Assert.Equal(1, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("taxonomy", "p", "add", "a");
        Assert.Equal(1, code);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }
}
