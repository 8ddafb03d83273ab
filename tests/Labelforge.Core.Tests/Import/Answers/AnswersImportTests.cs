using Labelforge.Core.Import.Answers;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Settings;
using Labelforge.Tests;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Import.Answers;

public class AnswersImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<AnswersImportReport> ImportAsync(TestDb t, long projectId, string source, TextReader reader, AnswersImportRequest request) =>
        t.Get<AnswersImportOperations>().ImportAsync(projectId, source, reader, request, Ct);

    [Fact]
    public async Task Bluebirds_answers_become_human_labels_by_each_worker()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("birds", labels: ["0", "1"]);
        var answers = Path.Combine(TestPaths.Datasets, "crowd-bluebirds", "answers.csv");
        var images = File.ReadLines(answers).Skip(1).Select(l => l.Split(',')[0]).Distinct().ToList();
        await Seed.ImportAsync(t, p.Id, null, [.. images.Select((id, i) => Seed.Row(i + 1, $"bird image {id}", id))]);

        using var reader = new StreamReader(answers);
        var report = await ImportAsync(t, p.Id, "answers.csv", reader, new AnswersImportRequest("item", "label", "worker"));

        Assert.Equal((4212, 0, 4212, 39, 0, 0), (report.Rows, report.ItemsCreated, report.Annotations, report.Authors, report.Replaced, report.ErrorCount));
        Assert.Equal(39, await t.Db.AnnotatorCounts.CountAsync(c => c.ProjectId == p.Id && c.LabeledItems == 108, Ct));
        Assert.Equal(4212, await t.Db.Annotations.CountAsync(a => a.ProjectId == p.Id && a.Kind == "human", Ct));
        Assert.Equal(0, await t.Db.UndecidedItems.CountAsync(u => u.ProjectId == p.Id, Ct));
    }

    [Fact]
    public async Task Snow_rte_answers_create_items_from_their_text_and_the_queue_needs_only_what_is_missing()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("rte", labels: ["0", "1"]);
        // Three workers' answers on five RTE pairs, with the pair's text, as another tool would export them.
        var texts = File.ReadLines(Path.Combine(TestPaths.Datasets, "crowd-snow2008", "texts", "rte1_test_texts.tsv")).Skip(1)
            .Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[3]);
        var rows = File.ReadLines(Path.Combine(TestPaths.Datasets, "crowd-snow2008", "all_collected_data", "rte.standardized.tsv")).Skip(1)
            .Select(l => l.Split('\t')).GroupBy(f => f[2]).Take(5).SelectMany(g => g.Take(2)).ToList();
        var tsv = "worker\titem\tlabel\ttext\n" + string.Concat(rows.Select(f => $"{f[1]}\t{f[2]}\t{f[3]}\t{texts[f[2]]}\n"));
        await t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate { Overlap = 3 }, Ct);

        var report = await ImportAsync(t, p.Id, "rte.tsv", new StringReader(tsv), new AnswersImportRequest("item", "label", "worker", "text"));

        Assert.Equal((10, 5, 10, 0), (report.Rows, report.ItemsCreated, report.Annotations, report.ErrorCount));
        // Each item has two people's labels; overlap 3 asks one more person, who is neither of the two.
        var first = rows[0];
        var theirs = await t.Get<QueueOperations>().NextAsync(p.Id, new QueueRequest(first[1], 10), Ct);
        Assert.DoesNotContain(theirs, i => i.ExternalId == first[2]);
        await t.Get<QueueOperations>().ReleaseAsync(p.Id, first[1], [.. theirs.Select(i => i.Id)], Ct);
        Assert.Equal(5, (await t.Get<QueueOperations>().NextAsync(p.Id, new QueueRequest("zoe", 10), Ct)).Count);
        Assert.Empty(await t.Get<QueueOperations>().NextAsync(p.Id, new QueueRequest("yan", 10), Ct));
    }

    [Fact]
    public async Task The_last_row_of_an_item_and_author_wins_and_bad_rows_name_file_line_and_field()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ItemsAsync(t, p.Id, 2);
        var csv = "item,worker,label\nid-1,w1,ham\nid-1,w1,spam\nid-2,w2,eggs\nid-3,w3,ham\n,w4,ham\nid-2,bad:name,ham\nid-2,w5,\n";

        var report = await ImportAsync(t, p.Id, "answers.csv", new StringReader(csv), new AnswersImportRequest("item", "label", "worker"));

        Assert.Equal((7, 1, 1), (report.Rows, report.Annotations, report.Replaced));
        Assert.Equal([(4L, "label"), (5L, "item"), (6L, "item"), (7L, "worker"), (8L, "label")], report.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("eggs", report.Errors[0].Message);
        Assert.Contains("no item 'id-3'", report.Errors[1].Message);
        var stored = await t.Db.Annotations.Where(a => a.ProjectId == p.Id && a.Kind == "human").Select(a => new { a.Author, a.LabelIdsJson }).ToListAsync(Ct);
        var spam = await t.Db.Labels.Where(l => l.ProjectId == p.Id && l.Name == "spam").Select(l => l.Id).FirstAsync(Ct);
        Assert.Equal([("w1", $"[{spam}]")], stored.Select(s => (s.Author, s.LabelIdsJson)));
    }
}
