namespace Labelforge.Cli.Tests.Export;

/// <summary>The CLI contract for spans: project create --type text-spans, import and export in conll and spacy-jsonl.</summary>
public class SpanCommandTests
{
    private const string Conll = "Ada\tB-person\nLovelace\tI-person\nvisited\tO\nParis\tB-location\n\nNothing\tO\nhere\tO\n\n";

    [Fact]
    public async Task A_text_spans_project_imports_and_exports_conll_and_spacy_jsonl()
    {
        using var cli = new CliRun();
        var created = await cli.JsonAsync("project", "create", "ner", "--type", "text-spans", "--labels", "person,location");
        Assert.Equal("text-spans", created.GetProperty("task_type").GetString());
        var report = await cli.JsonAsync("import", "ner", cli.File("in.conll", Conll), "--format", "conll");
        Assert.Equal(2, report.GetProperty("imported").GetInt32());

        var conll = Path.Combine(cli.Dir, "out.conll");
        await cli.JsonAsync("export", "ner", "--format", "conll", "--output", conll);
        Assert.Equal(Conll, await File.ReadAllTextAsync(conll, TestContext.Current.CancellationToken));
        var spacy = Path.Combine(cli.Dir, "out.jsonl");
        await cli.JsonAsync("export", "ner", "--format", "spacy-jsonl", "--output", spacy);
        Assert.StartsWith("{\"text\":\"Ada Lovelace visited Paris\",\"tokens\":[\"Ada\",\"Lovelace\",\"visited\",\"Paris\"],\"spans\":[{\"start\":0,\"end\":12,\"label\":\"person\"}",
            await File.ReadAllTextAsync(spacy, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_boxes_is_an_alias_of_image_objects_and_span_formats_need_a_spans_project()
    {
        using var cli = new CliRun();
        var created = await cli.JsonAsync("project", "create", "img", "--type", "image-boxes");
        Assert.Equal("image-objects", created.GetProperty("task_type").GetString());
        int code;
        string error;

        await cli.JsonAsync("project", "create", "plain", "--labels", "a,b");
        (code, _, error) = await cli.RunAsync("import", "plain", cli.File("in.conll", Conll), "--format", "conll");
        Assert.Equal(1, code);
        Assert.Contains("in.conll:1: tag: the row has spans, but project 'plain' is text-classification; import spans into a project created with --type text-spans",
            error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agreement_of_a_text_spans_project_reports_span_f1_and_needs_input_or_project()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "ner", "--type", "text-spans", "--labels", "person,location");
        var report = await cli.JsonAsync("agreement", "--project", "ner");
        Assert.Equal(0, report.GetProperty("compared_pairs").GetInt32());
        // No span was compared, so F1 is undefined and left out of the JSON.
        Assert.False(report.GetProperty("overall").TryGetProperty("exact_f1", out _));
        Assert.Equal(0, report.GetProperty("overall").GetProperty("spans").GetInt32());

        var (code, _, error) = await cli.RunAsync("agreement");
        Assert.Equal(1, code);
        Assert.Contains("give --input (an answers file) with --metric, or --project", error, StringComparison.Ordinal);
    }
}
