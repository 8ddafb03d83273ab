using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Cli.Tests.Consensus;

/// <summary>
/// `agreement PROJECT`, `consensus PROJECT` and `lf apply PROJECT` on the task types whose answers are parts of an item:
/// boxes of an image-objects project (agreement by IoU, consensus by box fusion) and spans of a text-spans project
/// (exact and partial F1, majority or Dawid–Skene, labeling functions writing span suggestions).
/// </summary>
public class StructuredConsensusCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Submits human annotations as the server would, on the CLI run's database.</summary>
    private static async Task SubmitAsync(CliRun cli, Func<long[], IEnumerable<NewAnnotation>> annotations)
    {
        var store = await LabelforgeStore.OpenSqliteAsync(cli.Db, Ct);
        await using var services = new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
        var ops = scope.ServiceProvider.GetRequiredService<AnnotationOperations>();
        var items = db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToArray();
        var projectId = db.Projects.Single().Id;
        foreach (var annotation in annotations(items))
            await ops.SubmitAsync(projectId, annotation, Ct);
    }

    private static NewObject Box(string label, double x, double y, double w, double h) => new(new ImageBox(x, y, w, h), null, Label: label);

    [Fact]
    public async Task Boxes_of_an_image_objects_project_agree_by_iou_and_fuse_into_consensus_boxes()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "shapes", "--type", "image-objects", "--labels", "stroke,loop");
        TestImages.WriteMnist(Path.Combine(cli.Dir, "images"), 2, classFolders: false);
        Assert.Equal(2, (await cli.JsonAsync("import", "shapes", Path.Combine(cli.Dir, "images"))).GetProperty("imported").GetInt32());
        // Image 0: alice and bob draw the same stroke, carol one shifted by a pixel and a loop nobody else drew. Image 1: alice alone.
        await SubmitAsync(cli, items =>
        [
            new(items[0], "alice", Objects: [Box("stroke", 4, 4, 10, 20)]),
            new(items[0], "bob", Objects: [Box("stroke", 4, 4, 10, 20)]),
            new(items[0], "carol", Objects: [Box("stroke", 5, 4, 10, 20), Box("loop", 0, 0, 5, 5)]),
            new(items[1], "alice", Objects: [Box("loop", 1, 1, 8, 8)]),
        ]);

        var agreement = await cli.JsonAsync("agreement", "shapes");
        Assert.Equal((1, 3L), (agreement.GetProperty("items").GetInt32(), agreement.GetProperty("compared_pairs").GetInt64()));
        var overall = agreement.GetProperty("overall");
        // Pairs: alice-bob 1 match of 1 + 1 boxes, alice-carol and bob-carol 1 match of 1 + 2 boxes: F1 = 2·3 / (2 + 3 + 3).
        Assert.Equal((8L, 3L), (overall.GetProperty("boxes").GetInt64(), overall.GetProperty("matches").GetInt64()));
        Assert.Equal(0.75, overall.GetProperty("f1").GetDouble(), 6);
        Assert.Equal(["stroke", "loop"], agreement.GetProperty("per_label").EnumerateArray().Select(l => l.GetProperty("label").GetString()));

        var consensus = await cli.JsonAsync("consensus", "shapes");
        Assert.Equal(("consensus:wbf@1", 1, 1, 0), (consensus.GetProperty("author").GetString(), consensus.GetProperty("items").GetInt32(),
            consensus.GetProperty("boxes").GetInt32(), consensus.GetProperty("empty_items").GetInt32()));
        var again = await cli.JsonAsync("consensus", "shapes", "--min-annotators", "1", "--min-score", "0.3");
        Assert.Equal(("consensus:wbf@2", 2, 3), (again.GetProperty("author").GetString(), again.GetProperty("items").GetInt32(), again.GetProperty("boxes").GetInt32()));
    }

    [Fact]
    public async Task Spans_of_a_text_spans_project_get_agreement_consensus_and_labeling_function_suggestions()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "ner", "--type", "text-spans", "--labels", "person,location");
        await cli.JsonAsync("import", "ner", cli.File("items.jsonl", "{\"text\":\"Ada Lovelace visited New York\"}\n{\"text\":\"Mr. Babbage stayed in London\"}\n"));
        await SubmitAsync(cli, items =>
        [
            new(items[0], "alice", Spans: [new(0, 12, Label: "person"), new(21, 29, Label: "location")]),
            new(items[0], "bob", Spans: [new(0, 12, Label: "person"), new(25, 29, Label: "location")]),
            new(items[0], "carol", Spans: [new(0, 3, Label: "person"), new(21, 29, Label: "location")]),
        ]);

        var agreement = await cli.JsonAsync("agreement", "ner");
        Assert.Equal((1, 3L), (agreement.GetProperty("items").GetInt32(), agreement.GetProperty("compared_pairs").GetInt64()));
        // 12 spans over three pairs; exact matches: alice-bob person, alice-carol location.
        Assert.Equal((12L, 2L), (agreement.GetProperty("overall").GetProperty("spans").GetInt64(), agreement.GetProperty("overall").GetProperty("exact_matches").GetInt64()));

        var majority = await cli.JsonAsync("consensus", "ner");
        Assert.Equal(("consensus:majority@1", 1, 2L), (majority.GetProperty("author").GetString(), majority.GetProperty("items").GetInt32(), majority.GetProperty("spans").GetInt64()));
        var ds = await cli.JsonAsync("consensus", "ner", "--method", "dawid-skene", "--seed", "3");
        Assert.Equal("consensus:dawid-skene@2", ds.GetProperty("author").GetString());
        var (code, _, error) = await cli.RunAsync("consensus", "ner", "--method", "glad");
        Assert.NotEqual(0, code);
        Assert.Contains("a text-spans project takes majority or dawid-skene", error, StringComparison.Ordinal);

        var lfs = cli.File("ner.yaml", "labels: [person]\nfunctions:\n  - name: titled\n    kind: regex\n    pattern: '(?:Mr|Ms)\\. (?<name>[A-Z]\\w+)'\n    group: name\n    label: person\n");
        var applied = await cli.JsonAsync("lf", "apply", "ner", "--lfs", lfs, "--set", "ner");
        Assert.Equal(("lf:ner@1", 2, 1, 1), (applied.GetProperty("author").GetString(), applied.GetProperty("items").GetInt32(),
            applied.GetProperty("covered_items").GetInt32(), applied.GetProperty("annotations").GetInt32()));
        Assert.Equal(1, applied.GetProperty("functions")[0].GetProperty("spans").GetInt64());
    }
}
