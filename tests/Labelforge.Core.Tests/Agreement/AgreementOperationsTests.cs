using System.Globalization;
using Labelforge.Core.Agreement;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Events;
using Labelforge.Core.Guidelines;
using Labelforge.Core.Projects;
using Labelforge.Engine.Agreement;
using Labelforge.Engine.Consensus;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Agreement;

public class AgreementOperationsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Labels = ["a", "b", "c"];

    /// <summary>
    /// Three annotators label 40 items under guideline v1 (each gives the item's true label 95% of the time), then the
    /// guidelines change and a week later they label 40 more with <paramref name="laterAccuracy"/>.
    /// </summary>
    private static async Task<long> TwoPhasesAsync(TestDb t, double laterAccuracy)
    {
        var p = await t.Get<ProjectOperations>().CreateAsync(new NewProject("agree", Labels: Labels, Guidelines: "v1"), Ct);
        var items = await Seed.ItemsAsync(t, p.Id, 80);
        var ops = t.Get<AnnotationOperations>();
        var random = new Random(7);
        for (var i = 0; i < items.Length; i++)
        {
            if (i == 40)
            {
                await t.Get<GuidelineOperations>().UpdateAsync(p.Id, "v2: new rules", "carol", Ct);
                t.Time.Advance(TimeSpan.FromDays(7));
            }
            var truth = i % Labels.Length;
            var accuracy = i < 40 ? 0.95 : laterAccuracy;
            foreach (var who in new[] { "ann1", "ann2", "ann3" })
            {
                var label = random.NextDouble() < accuracy ? truth : random.Next(Labels.Length);
                await ops.SubmitAsync(p.Id, new NewAnnotation(items[i], who, Labels: [Labels[label]]), Ct);
            }
            t.Time.Advance(TimeSpan.FromMinutes(1));
        }
        return p.Id;
    }

    [Fact]
    public async Task A_drop_after_a_guideline_change_beyond_the_interval_raises_an_alert_and_one_event()
    {
        await using var t = await TestDb.CreateAsync();
        var projectId = await TwoPhasesAsync(t, laterAccuracy: 0.3);
        var ops = t.Get<AgreementOperations>();

        var report = await ops.ComputeAsync(projectId, new AgreementRequest(AgreementMetric.KrippendorffAlpha, AgreementBreakdown.GuidelineVersion), Ct);
        Assert.Equal(("krippendorff-alpha", "guideline-version", 80, 3, 240), (report.Metric, report.By, report.Items, report.Annotators, report.Answers));
        Assert.Equal(["1", "2"], report.Groups.Select(g => g.Key));
        var (before, after) = (report.Groups[0], report.Groups[1]);
        Assert.True(before.Value > 0.8, $"v1 alpha {before.Value}");
        Assert.True(after.Value < before.Lower, $"v2 alpha {after.Value} vs v1 lower {before.Lower}");
        Assert.True(before.Lower <= before.Value && before.Value <= before.Upper);
        var alert = Assert.Single(report.Alerts);
        Assert.Equal(("guideline-version", "1", "2"), (alert.By, alert.Before, alert.After));
        Assert.Contains("in guideline version 2, below the 95% interval of guideline version 1", alert.Message, StringComparison.Ordinal);
        var change = Assert.Single(report.Changes);
        Assert.Equal(("guideline", 2), (change.Kind, change.Version));

        // Looking again finds the same drop: still one event for the webhooks.
        await ops.ComputeAsync(projectId, new AgreementRequest(AgreementMetric.KrippendorffAlpha), Ct);
        var recorded = Assert.Single(await t.Get<ProjectEventOperations>().ListAsync(projectId, ProjectEventKinds.AgreementDropped, Ct));
        Assert.Equal("krippendorff-alpha:guideline-version:1->2", recorded.Key);
        Assert.Contains("\"afterValue\"", recorded.Details, StringComparison.Ordinal);

        // By week: the second phase is a week later, and the weekly view flags the drop too.
        var weeks = await ops.ComputeAsync(projectId, new AgreementRequest(AgreementMetric.FleissKappa, AgreementBreakdown.Week), Ct);
        Assert.Equal(["2026-W48", "2026-W49"], weeks.Groups.Select(g => g.Key));
        Assert.Contains(weeks.Alerts, a => a.By == "week" && a.After == "2026-W49");
        Assert.Equal("2026-W48", weeks.Changes[0].Week);
    }

    [Theory]
    [InlineData(AgreementMetric.KrippendorffAlpha)]
    [InlineData(AgreementMetric.FleissKappa)]
    public async Task The_page_overview_gives_what_the_three_views_give_from_one_read(AgreementMetric metric)
    {
        await using var t = await TestDb.CreateAsync();
        var projectId = await TwoPhasesAsync(t, laterAccuracy: 0.3);
        var ops = t.Get<AgreementOperations>();
        var overview = await ops.OverviewAsync(projectId, metric, seed: 9, ct: Ct);
        var weeks = await ops.ComputeAsync(projectId, new AgreementRequest(metric, AgreementBreakdown.Week, Seed: 9), Ct);
        var labels = await ops.ComputeAsync(projectId, new AgreementRequest(metric, AgreementBreakdown.Label, Seed: 9), Ct);
        var pairs = await ops.ComputeAsync(projectId, new AgreementRequest(metric, AgreementBreakdown.Annotator, Seed: 9), Ct);
        Assert.Equal((weeks.Metric, weeks.Items, weeks.Annotators, weeks.Answers, weeks.Bootstrap, weeks.Overall),
            (overview.Metric, overview.Items, overview.Annotators, overview.Answers, overview.Bootstrap, overview.Overall));
        Assert.Equal(weeks.Groups, overview.Weeks);
        Assert.Equal(labels.Groups, overview.Labels);
        Assert.Equal(pairs.Groups.Select(g => (g.Key, g.Value, g.Lower, g.Upper)), overview.Pairs.Select(g => (g.Key, g.Value, g.Lower, g.Upper)));
        Assert.Equal(weeks.Changes, overview.Changes);
        Assert.Equal(weeks.Alerts, overview.Alerts);
        Assert.Contains(overview.Alerts, a => a.By == "guideline-version");
        Assert.Contains(overview.Alerts, a => a.By == "week");
    }

    [Fact]
    public async Task Steady_agreement_after_a_change_raises_no_alert()
    {
        await using var t = await TestDb.CreateAsync();
        var projectId = await TwoPhasesAsync(t, laterAccuracy: 0.95);
        var report = await t.Get<AgreementOperations>().ComputeAsync(projectId, new AgreementRequest(AgreementMetric.GwetAc1, AgreementBreakdown.Week), Ct);
        Assert.Equal(2, report.Groups.Count);
        Assert.Empty(report.Alerts);
        Assert.Empty(await t.Get<ProjectEventOperations>().ListAsync(projectId, ct: Ct));
    }

    [Fact]
    public async Task Per_label_and_per_pair_views_match_the_engine_and_the_same_seed_gives_the_same_intervals()
    {
        await using var t = await TestDb.CreateAsync();
        var projectId = await TwoPhasesAsync(t, laterAccuracy: 0.6);
        var ops = t.Get<AgreementOperations>();
        var perLabel = await ops.ComputeAsync(projectId, new AgreementRequest(AgreementMetric.FleissKappa, AgreementBreakdown.Label, Seed: 5), Ct);
        Assert.Equal(Labels, perLabel.Groups.Select(g => g.Key));
        var pairs = await ops.ComputeAsync(projectId, new AgreementRequest(AgreementMetric.FleissKappa, AgreementBreakdown.Annotator), Ct);
        Assert.Equal(["ann1 ~ ann2", "ann1 ~ ann3", "ann2 ~ ann3"], pairs.Groups.Select(g => g.Key));
        Assert.All(pairs.Groups, g => Assert.Equal((80, 160), (g.Items, g.Answers)));
        Assert.Equal(["ann1", "ann2"], pairs.Groups[0].Annotators);

        // The same answers straight into the Engine: per-label one-vs-rest values agree.
        var rows = await t.Db.Annotations.AsNoTracking().Where(a => a.ProjectId == projectId).OrderBy(a => a.Id).ToListAsync(Ct);
        var labelIds = await t.Db.Labels.Where(l => l.ProjectId == projectId).OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(Ct);
        var itemIds = rows.Select(r => r.ItemId).Distinct().ToList();
        var authors = rows.Select(r => r.Author).Distinct().ToList();
        var answers = new CrowdAnswers([.. rows.Select(r => itemIds.IndexOf(r.ItemId))], [.. rows.Select(r => authors.IndexOf(r.Author))],
            [.. rows.Select(r => labelIds.IndexOf(JsonIds.Read(r.LabelIdsJson)[0]))], itemIds.Count, authors.Count, labelIds.Count);
        var expected = AgreementMeasure.PerLabel(AgreementMetric.FleissKappa, answers);
        Assert.Equal(expected.Select(v => (double?)Math.Round(v, 6)), perLabel.Groups.Select(g => g.Value));

        var again = await ops.ComputeAsync(projectId, new AgreementRequest(AgreementMetric.FleissKappa, AgreementBreakdown.Label, Seed: 5), Ct);
        Assert.Equal(perLabel.Groups, again.Groups);
        Assert.NotNull(perLabel.Overall.Lower);
    }

    [Theory]
    [InlineData(AgreementMetric.KrippendorffAlpha)]
    [InlineData(AgreementMetric.FleissKappa)]
    [InlineData(AgreementMetric.GwetAc1)]
    public async Task Bluebirds_crowd_answers_in_a_project_give_the_engines_value_on_the_file(AgreementMetric metric)
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("birds", false, "0", "1");
        var lines = File.ReadAllLines(Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "answers.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        var itemNames = lines.Select(l => l[0]).Distinct().ToList();
        var items = await Seed.ItemsAsync(t, p.Id, itemNames.Count);
        var labels = await t.Db.Labels.Where(l => l.ProjectId == p.Id).ToDictionaryAsync(l => l.Name, l => l.Id, Ct);
        t.Db.Annotations.AddRange(lines.Select(l => new Annotation
        {
            ProjectId = p.Id, ItemId = items[itemNames.IndexOf(l[0])], Author = "w" + l[1], Kind = "human",
            LabelIdsJson = $"[{labels[l[2]].ToString(CultureInfo.InvariantCulture)}]", TaxonomyVersion = 2, CreatedAt = t.Time.GetUtcNow(),
        }));
        await t.Db.SaveChangesAsync(Ct);

        var report = await t.Get<AgreementOperations>().ComputeAsync(p.Id, new AgreementRequest(metric, Bootstrap: 0), Ct);
        var workers = lines.Select(l => l[1]).Distinct().ToList();
        var file = new CrowdAnswers([.. lines.Select(l => itemNames.IndexOf(l[0]))], [.. lines.Select(l => workers.IndexOf(l[1]))],
            [.. lines.Select(l => int.Parse(l[2], CultureInfo.InvariantCulture))], itemNames.Count, workers.Count, 2);
        Assert.Equal(Math.Round(AgreementMeasure.Compute(metric, file), 6), report.Overall.Value);
        Assert.Equal((108, 39, 4212), (report.Items, report.Annotators, report.Answers));
        Assert.Null(report.Overall.Lower);
    }

    [Fact]
    public async Task Annotations_from_before_guideline_versions_form_the_unversioned_group()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var items = await Seed.ItemsAsync(t, p.Id, 2);
        var ops = t.Get<AnnotationOperations>();
        foreach (var item in items)
        {
            await ops.SubmitAsync(p.Id, new NewAnnotation(item, "alice", Labels: ["spam"]), Ct);
            await ops.SubmitAsync(p.Id, new NewAnnotation(item, "bob", Labels: ["spam"]), Ct);
        }
        await t.Db.Annotations.Where(a => a.ItemId == items[0]).ExecuteUpdateAsync(s => s.SetProperty(a => a.GuidelineVersion, (int?)null), Ct);
        var report = await t.Get<AgreementOperations>().ComputeAsync(p.Id, new AgreementRequest(AgreementMetric.GwetAc1, AgreementBreakdown.GuidelineVersion), Ct);
        Assert.Equal(["unversioned", "1"], report.Groups.Select(g => g.Key));
    }

    [Fact]
    public async Task Span_and_multi_label_projects_are_refused()
    {
        await using var t = await TestDb.CreateAsync();
        var spans = await t.Get<ProjectOperations>().CreateAsync(new NewProject("ner", TaskTypes.TextSpans, Labels: ["person"]), Ct);
        var multi = await t.ProjectAsync("multi", true, "x", "y");
        var ops = t.Get<AgreementOperations>();
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "agreement over time needs a class-label project",
            () => ops.ComputeAsync(spans.Id, new AgreementRequest(AgreementMetric.FleissKappa), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "is multi-label",
            () => ops.ComputeAsync(multi.Id, new AgreementRequest(AgreementMetric.FleissKappa), Ct));
        await ErrorAssert.FailsAsync(ErrorKind.Invalid, "measured with krippendorff-alpha, fleiss-kappa, gwet-ac1",
            () => ops.ComputeAsync(multi.Id, new AgreementRequest(AgreementMetric.CohenKappa), Ct));
    }
}
