using Labelforge.Core.Annotations;
using Labelforge.Core.Gold;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Settings;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Gold;

public class GoldQueueTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<GoldImportReport> GoldAsync(TestDb t, long projectId, string csv, double? rate = null) =>
        await t.Get<GoldOperations>().ImportAsync(projectId, "gold.csv", new StringReader(csv), rate, ct: Ct);

    private static string GoldCsv(int from, int to) =>
        "item,label\n" + string.Concat(Enumerable.Range(from, to - from + 1).Select(i => $"id-{i},{(i % 2 == 0 ? "spam" : "ham")}\n"));

    /// <summary>Every item the annotator is handed until the queue is empty, labeling each with "spam".</summary>
    private static async Task<List<long>> DrainAsync(TestDb t, long projectId, string annotator)
    {
        var served = new List<long>();
        while (await t.Get<QueueOperations>().NextAsync(projectId, new QueueRequest(annotator, 3), Ct) is { Count: > 0 } items)
        {
            foreach (var item in items)
            {
                served.Add(item.Id);
                await t.Get<AnnotationOperations>().SubmitAsync(projectId, new NewAnnotation(item.Id, annotator, Labels: ["spam"]), Ct);
            }
        }
        return served;
    }

    [Fact]
    public async Task Gold_items_leave_the_ordinary_queue_and_come_at_the_gold_rate_to_every_annotator()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 60);
        var report = await GoldAsync(t, p.Id, GoldCsv(1, 10), rate: 0.25);
        Assert.Equal((10, 10, 0.25, 0), (report.Answers, report.GoldItems, report.GoldRate, report.ErrorCount));
        var gold = ids[..10].ToHashSet();

        var alice = await DrainAsync(t, p.Id, "alice");
        var bob = await DrainAsync(t, p.Id, "bob");

        // Alice gets every ordinary item once and gold items mixed in; the ordinary queue is then empty for Bob, who
        // still gets the gold items (they score everyone): a gold item is served to more people than the overlap.
        Assert.Equal(ids[10..], alice.Where(id => !gold.Contains(id)).Order());
        Assert.Equal(alice.Count, alice.Distinct().Count());
        var aliceGold = alice.Count(gold.Contains);
        Assert.InRange(aliceGold, 6, 10);
        // Spread through her stream, not bunched at the end: gold shows up in the first half of it.
        Assert.Contains(alice.Take(alice.Count / 2), gold.Contains);
        Assert.All(bob, id => Assert.Contains(id, gold));
    }

    [Fact]
    public async Task The_gold_mix_is_the_same_on_every_run_and_differs_between_annotators()
    {
        async Task<List<long>> RunAsync(string annotator)
        {
            await using var t = await TestDb.CreateAsync();
            var p = await t.ProjectAsync();
            await Seed.ItemsAsync(t, p.Id, 40);
            await GoldAsync(t, p.Id, GoldCsv(1, 20), rate: 0.3);
            return await DrainAsync(t, p.Id, annotator);
        }

        Assert.Equal(await RunAsync("alice"), await RunAsync("alice"));
        Assert.NotEqual(await RunAsync("alice"), await RunAsync("bob"));
    }

    [Fact]
    public async Task Without_a_rate_gold_items_are_never_served_and_answers_on_them_score_the_annotator()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 6);
        await GoldAsync(t, p.Id, GoldCsv(1, 2));

        Assert.Equal(ids[2..], await DrainAsync(t, p.Id, "alice"));
        // A manager's own answers on gold items (through the API, say) are scored: id-1 is ham, id-2 spam.
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(ids[0], "bob", Labels: ["spam"]), Ct);
        await t.Get<AnnotationOperations>().SubmitAsync(p.Id, new NewAnnotation(ids[1], "bob", Labels: ["spam"]), Ct);
        var answers = await GoldScores.AnswersAsync(t.Db, p.Id, null, Ct);
        Assert.Equal([(ids[0], false), (ids[1], true)], answers.Where(a => a.Author == "bob").OrderBy(a => a.ItemId).Select(a => (a.ItemId, a.Correct)));
        // People's answers never become gold: the gold list still says what the import said.
        var listed = await t.Get<GoldOperations>().ListAsync(p.Id, Ct);
        Assert.Equal([["ham"], ["spam"]], listed.Select(g => g.Labels));
        // Gold is neither a given label nor a human one.
        Assert.DoesNotContain(AnnotationKind.Gold.ToWire(), AnnotationKinds.Given);
        Assert.Equal("gold", AnnotationKind.Gold.ToWire());
    }

    [Fact]
    public async Task Gold_rows_naming_unknown_items_or_labels_are_errors_with_their_line()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ItemsAsync(t, p.Id, 2);
        var report = await GoldAsync(t, p.Id, "item,label\nid-1,spam\nid-9,ham\nid-2,eggs\n");
        Assert.Equal(1, report.Answers);
        Assert.Equal([(3L, "item"), (4L, "label")], report.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("no item 'id-9'", report.Errors[0].Message);
        Assert.Contains("eggs", report.Errors[1].Message);
        Assert.Equal(0.0, (await t.Get<QueueSettingsOperations>().GetAsync(p.Id, Ct)).GoldRate);
        Assert.Equal(1, await t.Db.GoldItems.CountAsync(Ct));
    }
}
