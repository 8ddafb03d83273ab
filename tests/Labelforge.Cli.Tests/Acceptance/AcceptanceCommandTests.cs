using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Server.Hosting;
using Labelforge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Cli.Tests.Acceptance;

public class AcceptanceCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reports_acceptance_and_accuracy_against_an_imported_gold_batch()
    {
        using var cli = new CliRun();
        await cli.JsonAsync("project", "create", "acc", "--labels", "ham,spam");
        var rows = string.Join('\n', Enumerable.Range(1, 6).Select(i => $"{{\"id\":\"g{i}\",\"text\":\"text {i}\",\"label\":\"{(i <= 3 ? "spam" : "ham")}\"}}"));
        await cli.JsonAsync("import", "acc", cli.File("gold.jsonl", rows), "--id-field", "id", "--label-field", "label");
        var store = await LabelforgeStore.OpenSqliteAsync(cli.Db, Ct);
        await using (var services = new ServiceCollection().AddLabelforge(store, TimeProvider.System).BuildServiceProvider())
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LabelforgeDb>();
            var ops = scope.ServiceProvider.GetRequiredService<AnnotationOperations>();
            var items = db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToList();
            var projectId = db.Projects.Single().Id;
            // The model says spam everywhere; alice accepts it on 1-4 (wrong on 4), corrects 5, labels 6 from scratch.
            for (var i = 0; i < 5; i++)
            {
                var s = (await ops.SubmitAsync(projectId, new NewAnnotation(items[i], "model:m@1", AnnotationKind.Model, Labels: ["spam"], Confidence: 0.9), Ct)).Annotation.Id;
                await ops.SubmitAsync(projectId, new NewAnnotation(items[i], "alice", Labels: [i < 4 ? "spam" : "ham"], SuggestionAnnotationId: s), Ct);
            }
            await ops.SubmitAsync(projectId, new NewAnnotation(items[5], "alice", Labels: ["ham"]), Ct);
        }

        var report = await cli.JsonAsync("acceptance", "acc", "--gold-author", "import:1");
        Assert.Equal((4, 1, 1), (report.GetProperty("accepted").GetInt32(), report.GetProperty("corrected").GetInt32(), report.GetProperty("scratch").GetInt32()));
        var accepted = report.GetProperty("accuracy").GetProperty("accepted");
        Assert.Equal((4, 3), (accepted.GetProperty("count").GetInt32(), accepted.GetProperty("successes").GetInt32()));
        Assert.Equal(6, report.GetProperty("accuracy").GetProperty("gold_references").GetInt32());
        Assert.Equal("model:m@1", report.GetProperty("by_model")[0].GetProperty("model").GetString());

        var (code, text, _) = await cli.RunAsync("acceptance", "acc", "--gold-author", "import:1");
        Assert.Equal(0, code);
        Assert.Contains("4 accepted, 1 corrected, 1 labeled from scratch", text, StringComparison.Ordinal);
        Assert.Contains("accepted minus scratch", text, StringComparison.Ordinal);
        var (missing, _, error) = await cli.RunAsync("acceptance", "nope");
        Assert.Equal(1, missing);
        Assert.Contains("No project 'nope'", error, StringComparison.Ordinal);
    }
}
