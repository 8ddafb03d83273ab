using System.Globalization;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Consensus;
using Labelforge.Core.Projects;
using Labelforge.Engine.Consensus;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Consensus;

/// <summary>
/// Consensus in a project gives what the file command gives on the same answers (the engine run on the answers
/// as `consensus --input` reads them) and, for Dawid-Skene, crowd-kit 1.4.1's reference posteriors.
/// </summary>
public class ConsensusOperationsTests
{
    public static TheoryData<string, string> Sets() => new()
    {
        { "bluebirds", "dawid-skene" }, { "bluebirds", "majority" }, { "bluebirds", "one-coin" }, { "bluebirds", "glad" }, { "bluebirds", "mace" },
        { "rte", "dawid-skene" }, { "rte", "weighted-majority" }, { "temp", "dawid-skene" },
    };

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task A_project_run_gives_the_file_forms_posteriors(string set, string method)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, set, set == "bluebirds" ? CrowdProject.Bluebirds() : CrowdProject.Snow(set));
        var outcome = await t.Get<ConsensusOperations>().RunAsync(crowd.Project.Id, new ConsensusRequest(method), ct);

        var (fileAnswers, fileItems) = crowd.FileAnswers();
        var file = ConsensusInference.Run(ConsensusMethods.ByName[method], fileAnswers, new ConsensusOptions());
        Assert.Equal(fileItems.Length, outcome.Run.Items);
        Assert.Equal(fileAnswers.AnnotatorCount, outcome.Run.Annotators);
        Assert.Equal(fileAnswers.Count, outcome.Run.Answers);
        Assert.Equal(file.Iterations, outcome.Result.Iterations);
        var k = file.ClassCount;
        var productIndex = outcome.Answers.ItemIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var stored = await t.Db.Annotations.Where(a => a.Author == outcome.Run.Author).ToDictionaryAsync(a => a.ItemId, ct);
        Assert.Equal(AnnotationKind.Consensus.ToWire(), stored.Values.First().Kind);
        for (var f = 0; f < fileItems.Length; f++)
        {
            var itemId = crowd.ItemIds[fileItems[f]];
            var p = productIndex[itemId];
            for (var c = 0; c < k; c++)
                Assert.Equal(file.Posteriors[(f * k) + c], outcome.Result.Posteriors[(p * k) + c], 1e-9);
            Assert.Equal(file.Labels[f], outcome.Result.Labels[p]);
            var labelId = crowd.LabelIds[CrowdProject.LabelNames(crowd.Rows)[file.Labels[f]]];
            Assert.Equal([labelId], JsonIds.Read(stored[itemId].LabelIdsJson));
            var probabilities = ProbabilityJson.Read(stored[itemId].ProbabilitiesJson);
            Assert.Equal(file.Posteriors[(f * k) + file.Labels[f]], probabilities[labelId], 1e-6);
        }
    }

    [Theory]
    [InlineData("bluebirds")]
    [InlineData("rte")]
    public async Task Dawid_skene_in_a_project_gives_crowd_kit_posteriors(string set)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, set, set == "bluebirds" ? CrowdProject.Bluebirds() : CrowdProject.Snow(set));
        var run = (await t.Get<ConsensusOperations>().RunAsync(crowd.Project.Id, new ConsensusRequest("dawid-skene"), ct)).Run;
        var folder = set == "bluebirds" ? Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "reference")
            : Path.Combine(TestPaths.Datasets, "crowd-snow2008", "reference", set);
        var lines = File.ReadAllLines(Path.Combine(folder, "crowdkit-1.4.1-dawid-skene.csv"));
        var header = lines[0].Split(',');
        var stored = await t.Db.Annotations.Where(a => a.Author == run.Author).ToDictionaryAsync(a => a.ItemId, a => ProbabilityJson.Read(a.ProbabilitiesJson), ct);
        Assert.Equal(lines.Length - 1, stored.Count);
        foreach (var cells in lines.Skip(1).Select(l => l.Split(',')))
        {
            var probabilities = stored[crowd.ItemIds[cells[0]]];
            for (var c = 2; c < header.Length; c++)
            {
                var expected = double.Parse(cells[c], CultureInfo.InvariantCulture);
                Assert.Equal(expected, Math.Max(probabilities[crowd.LabelIds[header[c]["p_".Length..]]], 1e-10), 1e-6);
            }
        }
    }

    [Fact]
    public async Task A_run_stores_its_annotator_quality_and_reads_only_the_latest_label_per_annotator()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds());
        var (item, worker, label) = crowd.Rows[0];
        var other = label == "0" ? "1" : "0";
        // A relabel by the same annotator replaces their answer; it is not a second vote.
        await CrowdProject.WriteAsync(t, crowd.Project.Id, [(crowd.ItemIds[item], worker, crowd.LabelIds[other], null)]);
        var ops = t.Get<ConsensusOperations>();
        var outcome = await ops.RunAsync(crowd.Project.Id, new ConsensusRequest("dawid-skene", Seed: 7), ct);
        Assert.Equal(crowd.Rows.Count, outcome.Run.Answers);
        var index = Array.IndexOf(outcome.Answers.ItemIds, crowd.ItemIds[item]);
        var annotator = Array.IndexOf(outcome.Answers.Annotators, worker);
        var answer = Enumerable.Range(0, outcome.Answers.Answers.Count)
            .Single(a => outcome.Answers.Answers.Items[a] == index && outcome.Answers.Answers.Annotators[a] == annotator);
        Assert.Equal(crowd.LabelIds[other], outcome.Answers.LabelIds[outcome.Answers.Answers.Labels[answer]]);

        var latest = await ops.LatestAsync(crowd.Project.Id, ct);
        Assert.NotNull(latest);
        Assert.Equal($"consensus:dawid-skene@{latest.Id}", latest.Author);
        Assert.Equal(7, latest.Seed);
        Assert.Equal(["0", "1"], latest.Classes);
        Assert.Equal(outcome.Run.Annotators, latest.Quality.Count);
        var quality = latest.Quality.Single(q => q.Annotator == worker);
        Assert.Equal(crowd.Rows.Count(r => r.Worker == worker), quality.Labels);
        Assert.NotNull(quality.Confusion);
        Assert.All(quality.Confusion, row => Assert.Equal(1, row.Sum(), 1e-5));
        var w = Array.IndexOf(outcome.Answers.Annotators, worker);
        Assert.Equal(outcome.Result.AnnotatorSkill[w], quality.Skill, 1e-6);
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_what_to_do()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var project = await t.ProjectAsync();
        var ops = t.Get<ConsensusOperations>();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Unknown consensus method 'median'; use one of majority, weighted-majority, dawid-skene, one-coin, glad, mace.", () => ops.RunAsync(project.Id, new ConsensusRequest("median"), ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Project 'demo' has no human labels to infer consensus from.", () => ops.RunAsync(project.Id, new ConsensusRequest("majority"), ct));
        var multi = await t.ProjectAsync("multi", true, "a", "b");
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Consensus infers one label per item; project 'multi' is multi-label.", () => ops.RunAsync(multi.Id, new ConsensusRequest("majority"), ct));
        Assert.Null(await ops.LatestAsync(project.Id, ct));
    }

    [Fact]
    public async Task A_project_is_due_a_rerun_after_its_setting_of_new_human_labels()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds());
        var ops = t.Get<ConsensusOperations>();
        Assert.Empty(await ops.DueAsync(ct)); // reruns are off by default
        var settings = await t.Get<ConsensusSettingsOperations>().UpdateAsync(crowd.Project.Id, new ConsensusSettingsUpdate("mace", RerunEvery: 3), ct);
        Assert.Equal(new ConsensusSettingsView("mace", 42, 3, ConsensusSettings.DefaultGoldAccuracyThreshold), settings);
        var due = Assert.Single(await ops.DueAsync(ct));
        Assert.Equal((crowd.Project.Id, new ConsensusRequest("mace", 42)), due);
        await ops.RunAsync(due.ProjectId, due.Request, ct);
        Assert.Empty(await ops.DueAsync(ct));
        var (item, _, label) = crowd.Rows[0];
        await CrowdProject.WriteAsync(t, crowd.Project.Id, [(crowd.ItemIds[item], "new-1", crowd.LabelIds[label], null), (crowd.ItemIds[item], "new-2", crowd.LabelIds[label], null)]);
        Assert.Empty(await ops.DueAsync(ct));
        await CrowdProject.WriteAsync(t, crowd.Project.Id, [(crowd.ItemIds[item], "new-3", crowd.LabelIds[label], null)]);
        Assert.Single(await ops.DueAsync(ct));

        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "gold_accuracy_threshold must be between 0 and 1.", () => t.Get<ConsensusSettingsOperations>().UpdateAsync(crowd.Project.Id, new ConsensusSettingsUpdate(GoldAccuracyThreshold: 1.5), ct));
    }

    [Fact]
    public async Task Background_reruns_are_refused_where_class_label_consensus_cannot_run_and_never_come_due_there()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var projects = t.Get<ProjectOperations>();
        var spans = await projects.CreateAsync(new NewProject("ner", TaskTypes.TextSpans, Labels: ["person"]), ct);
        var multi = await projects.CreateAsync(new NewProject("tags", MultiLabel: true, Labels: ["a", "b"]), ct);
        var settings = t.Get<ConsensusSettingsOperations>();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "Background consensus reruns (rerun_every) infer one class label per item; project 'ner' is text-spans. Run its consensus with `labelforge consensus ner` instead.",
            () => settings.UpdateAsync(spans.Id, new ConsensusSettingsUpdate(RerunEvery: 5), ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "project 'tags' is multi-label",
            () => settings.UpdateAsync(multi.Id, new ConsensusSettingsUpdate(RerunEvery: 5), ct));
        Assert.Equal(0, (await settings.UpdateAsync(spans.Id, new ConsensusSettingsUpdate(RerunEvery: 0), ct)).RerunEvery);

        // A setting stored before the refusal (written directly here) is skipped instead of failing at every poll.
        await t.Db.ConsensusSettings.Where(s => s.ProjectId == spans.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.RerunEvery, 1), ct);
        await Seed.ImportAsync(t, spans.Id, null, Seed.Row(1, "Ann lives in Oslo"));
        var item = await t.Db.Items.SingleAsync(i => i.ProjectId == spans.Id, ct);
        var label = await t.Db.Labels.SingleAsync(l => l.ProjectId == spans.Id, ct);
        await CrowdProject.WriteAsync(t, spans.Id, [(item.Id, "ann", label.Id, null)]);
        Assert.Empty(await t.Get<ConsensusOperations>().DueAsync(ct));
    }
}
