using Labelforge.Core.Consensus;
using Labelforge.Core.Scorecards;
using Labelforge.Core.Tests.Consensus;
using Labelforge.Engine.Statistics;

namespace Labelforge.Core.Tests.Scorecards;

/// <summary>Scorecards on Bluebirds: gold accuracy with its Wilson interval, agreement with consensus, time, weeks and flags.</summary>
public class ScorecardOperationsTests
{
    [Fact]
    public async Task Scorecards_measure_each_annotator_against_gold_and_the_latest_consensus()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds());
        var gold = File.ReadLines(Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "gold.csv")).Skip(1).Select(l => l.Split(','))
            .ToDictionary(r => r[0], r => r[1]);
        await CrowdProject.WriteAsync(t, crowd.Project.Id, gold.Select(g => (crowd.ItemIds[g.Key], "expert", crowd.LabelIds[g.Value], (long?)null)), kind: "gold");
        var run = (await t.Get<ConsensusOperations>().RunAsync(crowd.Project.Id, new ConsensusRequest("dawid-skene"), ct)).Run;
        var consensus = t.Db.Annotations.Where(a => a.Author == run.Author).ToDictionary(a => a.ItemId, a => a.LabelIdsJson);

        // A week later the first worker changes one answer: it moves from the first week to the second.
        var firstWeek = ScorecardOperations.Week(t.Time.GetUtcNow());
        t.Time.Advance(TimeSpan.FromDays(7));
        var (item, worker, label) = crowd.Rows[0];
        var relabel = label == "0" ? "1" : "0";
        await CrowdProject.WriteAsync(t, crowd.Project.Id, [(crowd.ItemIds[item], worker, crowd.LabelIds[relabel], 5000)]);
        await t.Get<ConsensusSettingsOperations>().UpdateAsync(crowd.Project.Id, new ConsensusSettingsUpdate(GoldAccuracyThreshold: 0.75), ct);

        var report = await t.Get<ScorecardOperations>().ReportAsync(crowd.Project.Id, ct);
        Assert.Equal(gold.Count, report.GoldItems);
        Assert.Equal(run.Id, report.ConsensusRunId);
        Assert.Equal(run.Id, report.ConfusionRunId);
        Assert.Equal(["0", "1"], report.Classes);
        Assert.Equal(0.75, report.GoldAccuracyThreshold);
        Assert.Equal(crowd.Rows.Select(r => r.Worker).Distinct().Order(StringComparer.Ordinal), report.Annotators.Select(a => a.Annotator));
        Assert.DoesNotContain(report.Annotators, a => a.Annotator == "expert"); // gold answers are no annotator's labels

        var rows = crowd.Rows.Select((r, a) => (r.Item, r.Worker, Label: a == 0 ? relabel : r.Label, Ms: a == 0 ? 5000L : 1000L + a)).ToList();
        foreach (var card in report.Annotators)
        {
            var mine = rows.Where(r => r.Worker == card.Annotator).ToList();
            Assert.Equal(mine.Count, card.Labels);
            var onGold = mine.Where(r => gold.ContainsKey(r.Item)).ToList();
            var right = onGold.Count(r => gold[r.Item] == r.Label);
            Assert.Equal(onGold.Count, card.GoldLabels);
            Assert.Equal(Math.Round((double)right / onGold.Count, 6), card.GoldAccuracy);
            var (low, high) = ProportionInterval.Wilson(right, onGold.Count);
            Assert.Equal([Math.Round(low, 6), Math.Round(high, 6)], card.GoldCi95!);
            Assert.Equal(high < 0.75, card.Flagged);
            var agreed = mine.Count(r => consensus[crowd.ItemIds[r.Item]] == $"[{crowd.LabelIds[r.Label]}]");
            Assert.Equal(Math.Round((double)agreed / mine.Count, 6), card.AgreementWithConsensus);
            var ms = mine.Select(r => r.Ms).Order().ToList();
            var median = ms.Count % 2 == 1 ? ms[ms.Count / 2] : (ms[(ms.Count / 2) - 1] + ms[ms.Count / 2]) / 2.0;
            Assert.Equal(Math.Round(median / 1000, 3), card.MedianSeconds);
            Assert.Equal(2, card.Confusion!.Count);
            Assert.NotNull(card.Skill);
        }
        Assert.Contains(report.Annotators, a => a.Flagged);
        Assert.Contains(report.Annotators, a => !a.Flagged);

        var first = report.Annotators.Single(a => a.Annotator == worker);
        Assert.Equal([firstWeek, ScorecardOperations.Week(t.Time.GetUtcNow())], first.Weeks.Select(w => w.Week));
        Assert.Equal([first.Labels - 1, 1], first.Weeks.Select(w => w.Labels));
        Assert.Equal(5.0, first.Weeks[1].MedianSeconds);
        Assert.All(report.Annotators.Where(a => a.Annotator != worker), a => Assert.Equal(firstWeek, Assert.Single(a.Weeks).Week));
    }

    [Fact]
    public void Weeks_are_iso_weeks_in_utc()
    {
        Assert.Equal("2026-W49", ScorecardOperations.Week(new DateTimeOffset(2026, 12, 2, 23, 30, 0, TimeSpan.FromHours(-3)))); // Thursday 02:30 UTC
        Assert.Equal("2026-W53", ScorecardOperations.Week(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("2025-W01", ScorecardOperations.Week(new DateTimeOffset(2024, 12, 30, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public async Task Without_gold_or_consensus_the_measures_are_null_and_nobody_is_flagged()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var t = await TestDb.CreateAsync();
        var crowd = await CrowdProject.CreateAsync(t, "bluebirds", CrowdProject.Bluebirds().Take(50).ToList());
        var report = await t.Get<ScorecardOperations>().ReportAsync(crowd.Project.Id, ct);
        Assert.Null(report.ConsensusRunId);
        Assert.Empty(report.Classes);
        Assert.All(report.Annotators, a =>
        {
            Assert.Null(a.GoldAccuracy);
            Assert.Null(a.GoldCi95);
            Assert.Null(a.AgreementWithConsensus);
            Assert.Null(a.Confusion);
            Assert.False(a.Flagged);
        });
    }
}
