using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Cli.Tests.Consensus;

/// <summary>
/// `consensus PROJECT`, `annotators PROJECT` and `adjudication PROJECT` on a slice of Bluebirds written into a project as each worker's human
/// labels: the project form gives the file form's answer on the same answers, and the JSON has the contract's fields.
/// </summary>
public class ConsensusProjectCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Bluebirds = Path.Combine(TestPaths.Datasets, "crowd-bluebirds");

    /// <summary>The answers of the first <paramref name="items"/> Bluebirds items, in file order.</summary>
    private static List<string[]> Slice(int items)
    {
        var rows = File.ReadLines(Path.Combine(Bluebirds, "answers.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        var keep = rows.Select(r => r[0]).Distinct().Take(items).ToHashSet();
        return [.. rows.Where(r => keep.Contains(r[0]))];
    }

    private static async Task<List<string[]>> ProjectAsync(CliRun cli, int items, bool gold)
    {
        var rows = Slice(items);
        await cli.JsonAsync("project", "create", "birds", "--labels", "0,1");
        var docs = string.Join('\n', rows.Select(r => r[0]).Distinct().Select(i => $"{{\"id\":\"{i}\",\"text\":\"bird {i}\"}}"));
        await cli.JsonAsync("import", "birds", cli.File("items.jsonl", docs), "--id-field", "id");
        var goldRows = File.ReadLines(Path.Combine(Bluebirds, "gold.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0], r => r[1]);
        var store = await LabelforgeStore.OpenSqliteAsync(cli.Db, Ct);
        await using var services = new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
        var ops = scope.ServiceProvider.GetRequiredService<AnnotationOperations>();
        var ids = db.Items.ToDictionary(i => i.ExternalId!, i => i.Id);
        var projectId = db.Projects.Single().Id;
        foreach (var r in rows)
            await ops.SubmitAsync(projectId, new NewAnnotation(ids[r[0]], "w" + r[1], Labels: [r[2]], TimeSpentMs: 2000), Ct);
        if (gold)
        {
            foreach (var item in ids.Keys.Take(3))
                await ops.SubmitAsync(projectId, new NewAnnotation(ids[item], "expert", AnnotationKind.Gold, Labels: [goldRows[item]]), Ct);
        }
        return rows;
    }

    [Theory]
    [InlineData("majority")]
    [InlineData("dawid-skene")]
    [InlineData("mace")]
    public async Task The_project_form_gives_the_file_forms_answer(string method)
    {
        using var cli = new CliRun();
        var rows = await ProjectAsync(cli, 8, gold: false);
        var answers = cli.File("answers.csv", "item,worker,label\n" + string.Join('\n', rows.Select(r => $"{r[0]},w{r[1]},{r[2]}")));
        var gold = Path.Combine(Bluebirds, "gold.csv");
        var file = await cli.JsonAsync("consensus", "--input", answers, "--gold", gold, "--method", method, "--seed", "3");
        var project = await cli.JsonAsync("consensus", "birds", "--method", method, "--gold-file", gold, "--seed", "3");
        Assert.Equal(method, project.GetProperty("method").GetString());
        Assert.Equal(8, project.GetProperty("items").GetInt32());
        Assert.Equal(39, project.GetProperty("annotators").GetInt32());
        Assert.True(project.GetProperty("seconds").GetDouble() >= 0);
        Assert.Equal(file.GetProperty("accuracy").GetDouble(), project.GetProperty("accuracy").GetDouble());
        Assert.Equal(file.GetProperty("items").GetInt32(), project.GetProperty("items").GetInt32());
        Assert.Equal(file.GetProperty("iterations").GetInt32(), project.GetProperty("iterations").GetInt32());
        Assert.Equal($"consensus:{method}@1", project.GetProperty("author").GetString());

        // The stored labels are what exports resolve to with --resolve consensus.
        var output = Path.Combine(cli.Dir, "out.jsonl");
        await cli.JsonAsync("export", "birds", "--format", "jsonl", "--output", output, "--resolve", "consensus");
        var exported = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(8, exported.Count);
        Assert.All(exported, e => Assert.Single(e.GetProperty("labels").EnumerateArray()));
    }

    [Fact]
    public async Task Annotators_prints_one_object_per_annotator()
    {
        using var cli = new CliRun();
        await ProjectAsync(cli, 6, gold: true);
        await cli.JsonAsync("consensus", "birds", "--method", "dawid-skene");
        var cards = await cli.JsonAsync("annotators", "birds");
        Assert.Equal(JsonValueKind.Array, cards.ValueKind);
        Assert.Equal(39, cards.GetArrayLength());
        foreach (var card in cards.EnumerateArray())
        {
            Assert.StartsWith("w", card.GetProperty("annotator").GetString(), StringComparison.Ordinal);
            Assert.Equal(6, card.GetProperty("labels").GetInt32());
            var accuracy = card.GetProperty("gold_accuracy").GetDouble();
            var ci = card.GetProperty("gold_ci95");
            Assert.InRange(accuracy, ci[0].GetDouble(), ci[1].GetDouble());
            Assert.InRange(card.GetProperty("agreement_with_consensus").GetDouble(), 0, 1);
            Assert.Equal(2.0, card.GetProperty("median_seconds").GetDouble());
        }
        var (code, text, _) = await cli.RunAsync("annotators", "birds");
        Assert.Equal(0, code);
        Assert.Contains("39 annotators, 3 gold items", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adjudication_lists_the_most_disputed_items_first_with_every_annotators_label()
    {
        using var cli = new CliRun();
        await ProjectAsync(cli, 6, gold: false);
        var (before, waiting, _) = await cli.RunAsync("adjudication", "birds");
        Assert.Equal(0, before);
        Assert.Contains("no consensus run yet; run `labelforge consensus birds", waiting, StringComparison.Ordinal);
        await cli.JsonAsync("consensus", "birds", "--method", "majority");
        var queue = await cli.JsonAsync("adjudication", "birds", "--page-size", "4");
        Assert.Equal((6, 0, "disagreement"), (queue.GetProperty("total").GetInt32(), queue.GetProperty("decided").GetInt32(), queue.GetProperty("order").GetString()));
        var items = queue.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        var entropies = items.Select(i => i.GetProperty("entropy").GetDouble()).ToList();
        Assert.Equal(entropies.OrderDescending(), entropies);
        Assert.All(items, i => Assert.Equal(39, i.GetProperty("answers").GetArrayLength()));
        var (code, text, _) = await cli.RunAsync("adjudication", "birds", "--page", "2", "--page-size", "4");
        Assert.Equal(0, code);
        Assert.Contains("birds: 6 open, 0 decided, consensus run 1 (majority); page 2", text, StringComparison.Ordinal);
        var (bad, _, error) = await cli.RunAsync("adjudication", "birds", "--page-size", "0");
        Assert.Equal(1, bad);
        Assert.Contains("page_size between 1 and 200", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_and_an_input_file_together_or_neither_are_refused()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "birds", "--labels", "0,1");
        var (both, _, error) = await cli.RunAsync("consensus", "birds", "--input", Path.Combine(Bluebirds, "answers.csv"), "--method", "majority");
        Assert.Equal(1, both);
        Assert.Contains("name a PROJECT (its current human labels) or an answers file with --input, not both", error, StringComparison.Ordinal);
        var (neither, _, _) = await cli.RunAsync("consensus", "--method", "majority");
        Assert.Equal(1, neither);
        var (empty, _, message) = await cli.RunAsync("consensus", "birds", "--method", "majority");
        Assert.Equal(1, empty);
        Assert.Contains("Project 'birds' has no human labels to infer consensus from.", message, StringComparison.Ordinal);
    }
}
