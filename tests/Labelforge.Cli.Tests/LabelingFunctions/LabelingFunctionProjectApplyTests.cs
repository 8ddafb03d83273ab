namespace Labelforge.Cli.Tests.LabelingFunctions;

public class LabelingFunctionProjectApplyTests
{
    [Fact]
    public async Task Lf_apply_on_a_project_stores_programmatic_labels_and_reports_the_analysis()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "yt", "--labels", "ham,spam");
        await cli.JsonAsync("import", "yt", Path.Combine(TestPaths.Datasets, "youtube-spam", "uci-raw", "Youtube01-Psy.csv"), "--text-field", "CONTENT", "--id-field", "COMMENT_ID");
        var lfs = cli.File("lfs.yaml", """
            labels: [ham, spam]
            functions:
              - name: check_out
                kind: keyword
                keywords: ["check out", subscribe]
                label: spam
              - name: has_link
                kind: regex
                pattern: 'https?://'
                label: spam
              - name: short_praise
                kind: regex
                pattern: '^(love|great|nice|awesome)\b'
                label: ham
            """);
        var result = await cli.JsonAsync("lf", "apply", "yt", "--lfs", lfs);
        Assert.Equal("lf:default@1", result.GetProperty("author").GetString());
        Assert.Equal(3, result.GetProperty("functions").GetArrayLength());
        var annotations = result.GetProperty("annotations").GetInt32();
        Assert.True(annotations > 50, $"only {annotations} annotations");
        var history = await cli.JsonAsync("export", "yt", "--format", "jsonl", "--history", "--output", Path.Combine(cli.Dir, "h.jsonl"));
        Assert.Equal(annotations, history.GetProperty("rows").GetInt32());

        var (code, _, error) = await cli.RunAsync("lf", "apply", "yt", "--lfs", cli.File("bad.yaml", "labels: [ham, eggs]\nfunctions: []\n"));
        Assert.Equal(1, code);
        Assert.Contains("eggs", error, StringComparison.Ordinal);
    }
}
