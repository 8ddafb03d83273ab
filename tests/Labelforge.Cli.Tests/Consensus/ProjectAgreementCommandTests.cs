using System.Globalization;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Cli.Tests.Consensus;

public class ProjectAgreementCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string Bluebirds = Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "answers.csv");

    /// <summary>A project holding bluebirds' answers as each worker's human label (items by the answers' item column).</summary>
    private static async Task SeedBluebirdsAsync(CliRun cli)
    {
        await cli.JsonAsync("project", "create", "birds", "--labels", "0,1");
        var lines = (await File.ReadAllLinesAsync(Bluebirds, Ct)).Skip(1).Select(l => l.Split(',')).ToArray();
        var itemNames = lines.Select(l => l[0]).Distinct().ToList();
        await cli.JsonAsync("import", "birds", cli.File("items.jsonl", string.Join('\n', itemNames.Select(n => $"{{\"id\":\"{n}\",\"text\":\"bird {n}\"}}"))), "--id-field", "id");
        var store = await LabelforgeStore.OpenSqliteAsync(cli.Db, Ct);
        await using var services = new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
        var project = db.Projects.Single();
        var items = db.Items.ToDictionary(i => i.ExternalId!, i => i.Id);
        var labels = db.Labels.ToDictionary(l => l.Name, l => l.Id);
        db.Annotations.AddRange(lines.Select(l => new Annotation
        {
            ProjectId = project.Id, ItemId = items[l[0]], Author = "w" + l[1], Kind = "human", LabelIdsJson = $"[{labels[l[2]].ToString(CultureInfo.InvariantCulture)}]",
            TaxonomyVersion = project.TaxonomyVersion, GuidelineVersion = 1, CreatedAt = TimeProvider.System.GetUtcNow(),
        }));
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData("krippendorff-alpha")]
    [InlineData("fleiss-kappa")]
    [InlineData("gwet-ac1")]
    public async Task A_projects_agreement_equals_the_file_forms_on_the_same_answers(string metric)
    {
        using var cli = new CliRun();
        await SeedBluebirdsAsync(cli);
        var product = await cli.JsonAsync("agreement", "birds", "--metric", metric, "--bootstrap", "0");
        var file = await CliRun.ExecJsonAsync("agreement", "--input", Bluebirds, "--metric", metric, "--json");
        Assert.Equal(file.GetProperty("value").GetDouble(), product.GetProperty("overall").GetProperty("value").GetDouble());
        Assert.Equal((108, 39, 4212), (product.GetProperty("items").GetInt32(), product.GetProperty("annotators").GetInt32(), product.GetProperty("answers").GetInt32()));
    }

    [Fact]
    public async Task By_label_week_and_versions_with_seeded_intervals_and_the_old_project_option()
    {
        using var cli = new CliRun();
        await SeedBluebirdsAsync(cli);
        var byLabel = await cli.JsonAsync("agreement", "birds", "--metric", "fleiss-kappa", "--by", "label", "--bootstrap", "50", "--seed", "3");
        Assert.Equal("label", byLabel.GetProperty("by").GetString());
        Assert.Equal(["0", "1"], byLabel.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()));
        var again = await cli.JsonAsync("agreement", "--project", "birds", "--metric", "fleiss-kappa", "--by", "label", "--bootstrap", "50", "--seed", "3");
        Assert.Equal(byLabel.GetProperty("groups").GetRawText(), again.GetProperty("groups").GetRawText());
        var overall = byLabel.GetProperty("overall");
        Assert.True(overall.GetProperty("lower").GetDouble() <= overall.GetProperty("value").GetDouble());

        var pairs = await cli.JsonAsync("agreement", "birds", "--by", "annotator", "--bootstrap", "0");
        Assert.Equal(39 * 38 / 2, pairs.GetProperty("groups").GetArrayLength());
        var versions = await cli.JsonAsync("agreement", "birds", "--metric", "gwet-ac1", "--by", "guideline-version", "--bootstrap", "20");
        Assert.Equal("1", versions.GetProperty("groups")[0].GetProperty("key").GetString());
        Assert.Equal(0, versions.GetProperty("alerts").GetArrayLength());

        var (code, text, _) = await cli.RunAsync("agreement", "birds", "--by", "week", "--bootstrap", "20");
        Assert.Equal(0, code);
        Assert.StartsWith("krippendorff-alpha: ", text, StringComparison.Ordinal);
        Assert.Contains("week ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_combinations_say_what_to_do()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "p", "--labels", "a,b");
        var (code, _, error) = await cli.RunAsync("agreement", "p", "--metric", "cohen-kappa");
        Assert.Equal(1, code);
        Assert.Contains("--metric cohen-kappa measures an answers file only; a project's agreement is krippendorff-alpha, fleiss-kappa, gwet-ac1", error, StringComparison.Ordinal);
        (code, _, error) = await cli.RunAsync("agreement", "p", "--input", Bluebirds);
        Assert.Equal(1, code);
        Assert.Contains("give either a PROJECT or --input", error, StringComparison.Ordinal);
        (code, _, error) = await CliRun.ExecAsync("agreement", "--input", Bluebirds, "--metric", "fleiss-kappa", "--by", "week");
        Assert.Equal(1, code);
        Assert.Contains("--by breaks down a project's agreement", error, StringComparison.Ordinal);
        var empty = await cli.JsonAsync("agreement", "p");
        Assert.Equal(0, empty.GetProperty("answers").GetInt32());
    }

    [Fact]
    public async Task Guidelines_set_show_and_history()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "g", "--labels", "a,b", "--guidelines", cli.File("v1.md", "# one"));
        var set = await cli.JsonAsync("guidelines", "g", "set", cli.File("v2.md", "# two"));
        Assert.Equal((2, "# two", "cli"), (set.GetProperty("version").GetInt32(), set.GetProperty("text").GetString(), set.GetProperty("author").GetString()));
        var history = await cli.JsonAsync("guidelines", "g", "history");
        Assert.Equal([1, 2], history.EnumerateArray().Select(h => h.GetProperty("version").GetInt32()));
        var (code, text, _) = await cli.RunAsync("guidelines", "g", "show", "--version", "1");
        Assert.Equal((0, "# one"), (code, text.Trim()));
        (code, _, var error) = await cli.RunAsync("guidelines", "g", "show", "--version", "5");
        Assert.Equal(1, code);
        Assert.Contains("has no guideline version 5", error, StringComparison.Ordinal);
    }
}
