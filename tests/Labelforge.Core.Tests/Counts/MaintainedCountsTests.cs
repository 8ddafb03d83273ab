using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Counts;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Counts;

public class MaintainedCountsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Authors = ["alice", "bob", "carol"];

    [Fact]
    public async Task Counts_equal_a_full_count_after_random_imports_labels_merges_skips_and_erasures()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("counted", false, "a", "b", "c", "d");
        var other = await t.ProjectAsync("other", false, "x", "y");
        var random = new Random(16);
        var queue = t.Get<QueueOperations>();
        var annotations = t.Get<AnnotationOperations>();
        var labels = new List<string> { "a", "b", "c", "d" };
        var line = 0;
        for (var round = 0; round < 6; round++)
        {
            // Imports into both projects, some rows with imported labels; a few rows repeat (skipped duplicates).
            foreach (var (project, names) in new[] { (p.Id, labels), (other.Id, ["x", "y"]) })
            {
                var rows = Enumerable.Range(0, 30).Select(_ =>
                {
                    var n = random.Next(400);
                    return random.Next(4) == 0 ? Seed.Row(++line, $"text {project} {n}", null, names[random.Next(names.Count)]) : Seed.Row(++line, $"text {project} {n}");
                }).ToArray();
                await Seed.ImportAsync(t, project, null, rows);
            }
            var ids = await t.Db.Items.Where(i => i.ProjectId == p.Id).Select(i => i.Id).ToListAsync(Ct);
            for (var k = 0; k < 40; k++)
            {
                var item = ids[random.Next(ids.Count)];
                var kind = random.Next(10) switch { < 6 => AnnotationKind.Human, < 7 => AnnotationKind.Review, < 9 => AnnotationKind.Model, _ => AnnotationKind.Programmatic };
                await annotations.SubmitAsync(p.Id, new NewAnnotation(item, Authors[random.Next(Authors.Length)], kind, Labels: [labels[random.Next(labels.Count)]]), Ct);
            }
            await queue.SkipAsync(p.Id, Authors[random.Next(Authors.Length)], ids.OrderBy(_ => random.Next()).Take(5).ToList(), Ct);
            if (round == 2)
            {
                await t.Get<TaxonomyOperations>().MergeAsync(p.Id, ["d"], "c", "lead", Ct);
                labels.Remove("d");
            }
            if (round % 2 == 1)
            {
                var erased = ids.OrderBy(_ => random.Next()).Take(8).ToList();
                await t.Db.Items.Where(i => erased.Contains(i.Id)).ExecuteDeleteAsync(Ct);
            }
            await AssertExactAsync(t, p.Id);
            await AssertExactAsync(t, other.Id);
        }
    }

    [Fact]
    public async Task Label_counts_equal_a_full_count_after_multi_label_imports_relabels_merges_and_erasures()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("multi", true, "a", "b", "c", "d", "e");
        var other = await t.ProjectAsync("other", true, "a", "b");
        var random = new Random(1616);
        var taxonomy = t.Get<TaxonomyOperations>();
        var annotations = t.Get<AnnotationOperations>();
        var queue = t.Get<QueueOperations>();
        var labels = new List<string> { "a", "b", "c", "d", "e" };
        string[] Pick(int most) => labels.OrderBy(_ => random.Next()).Take(random.Next(most + 1)).ToArray();
        var line = 0;
        for (var round = 0; round < 6; round++)
        {
            // Imported rows with no label, one or several; some texts repeat (skipped duplicates).
            var rows = Enumerable.Range(0, 30).Select(_ => Seed.Row(++line, $"text {random.Next(300)}", null, Pick(3))).ToArray();
            await Seed.ImportAsync(t, p.Id, null, rows);
            await Seed.ImportAsync(t, other.Id, null, Seed.Row(++line, $"other {line}", null, "a", "b"));
            var ids = await t.Db.Items.Where(i => i.ProjectId == p.Id).Select(i => i.Id).ToListAsync(Ct);
            for (var k = 0; k < 50; k++)
            {
                // The same few authors label the same items again: relabels, and the latest given label moves between them.
                var kind = random.Next(10) switch { < 6 => AnnotationKind.Human, < 7 => AnnotationKind.Review, < 9 => AnnotationKind.Model, _ => AnnotationKind.Programmatic };
                await annotations.SubmitAsync(p.Id, new NewAnnotation(ids[random.Next(ids.Count)], Authors[random.Next(Authors.Length)], kind, Labels: Pick(3)), Ct);
            }
            await queue.SkipAsync(p.Id, Authors[random.Next(Authors.Length)], ids.OrderBy(_ => random.Next()).Take(5).ToList(), Ct);
            switch (round)
            {
                case 1:
                    await taxonomy.AddAsync(p.Id, new NewLabel("f", null), "lead", Ct);
                    labels.Add("f");
                    break;
                case 2: // items holding both c and d count once under c
                    await taxonomy.MergeAsync(p.Id, ["d"], "c", "lead", Ct);
                    labels.Remove("d");
                    break;
                case 3: // into a new label, then that one into an old one: a chain c <- d, ef <- e, f, then a <- ef
                    await taxonomy.MergeAsync(p.Id, ["e", "f"], "ef", "lead", Ct);
                    labels.RemoveAll(l => l is "e" or "f");
                    labels.Add("ef");
                    break;
                case 4:
                    await taxonomy.MergeAsync(p.Id, ["ef"], "a", "lead", Ct);
                    labels.Remove("ef");
                    await ErrorAssert.FailsAsync(ErrorKind.NotFound, "No label 'e' in this project.", () => taxonomy.MergeAsync(p.Id, ["e"], "b", "lead", Ct));
                    break;
            }
            // Erasures: whole items (their annotations cascade) and single annotations.
            var erased = ids.OrderBy(_ => random.Next()).Take(6).ToList();
            await t.Db.Items.Where(i => erased.Contains(i.Id)).ExecuteDeleteAsync(Ct);
            var dropped = await t.Db.Annotations.Where(a => a.ProjectId == p.Id).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct);
            var gone = dropped.OrderBy(_ => random.Next()).Take(4).ToList();
            await t.Db.Annotations.Where(a => gone.Contains(a.Id)).ExecuteDeleteAsync(Ct);
            await AssertExactAsync(t, p.Id);
            await AssertExactAsync(t, other.Id);
        }
        await t.Db.Projects.Where(x => x.Id == other.Id).ExecuteDeleteAsync(Ct);
        Assert.False(await t.Db.LabelCounts.AnyAsync(c => c.ProjectId == other.Id, Ct));
        await AssertExactAsync(t, p.Id);
    }

    private static async Task AssertLabelCountsAsync(TestDb t, long projectId)
    {
        var resolver = await t.Get<TaxonomyOperations>().ResolverAsync(projectId, Ct);
        var latest = await GivenLabels.Latest(t.Db, projectId).AsNoTracking().Select(a => a.LabelIdsJson).ToListAsync(Ct);
        var expected = resolver.All.Where(l => l.Status != LabelStatus.Merged)
            .ToDictionary(l => l.Id, l => latest.LongCount(json => JsonIds.Read(json).Any(id => resolver.Resolve(id) == l.Id)));
        var view = await t.Get<CountsOperations>().ReadAsync(projectId, Ct);
        Assert.Equal(expected.OrderBy(x => x.Key), view.Labels.ToDictionary(l => l.Id, l => l.Items).OrderBy(x => x.Key));
        // Every label, merged ones included, counts under the label the resolver names, and a merged one holds no items.
        var rows = await t.Db.LabelCounts.AsNoTracking().Where(c => c.ProjectId == projectId).ToListAsync(Ct);
        Assert.Equal(resolver.All.Select(l => (l.Id, resolver.Resolve(l.Id))).OrderBy(x => x.Id), rows.Select(c => (c.LabelId, c.ResolvedId)).OrderBy(x => x.LabelId));
        Assert.All(rows.Where(c => c.ResolvedId != c.LabelId), c => Assert.Equal(0, c.Items));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Imported_items_are_undecided_unless_a_person_labeled_them_in_the_import(bool strict)
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync("imported", false, "a", "b");
        // Batches of 7 rows: every batch boundary writes the batch's state, in a strict import too (one transaction).
        var options = new ImportOptions(Strict: strict, BatchSize: 7);
        var rows = Enumerable.Range(1, 40).Select(i => (i % 5) switch
        {
            0 => Person(i, AnnotationKind.Human),
            1 => Person(i, AnnotationKind.Review),
            2 => Seed.Row(i, $"row {i}", $"id-{i}", "a"),
            _ => Seed.Row(i, $"row {i}", $"id-{i}"),
        }).ToList();
        rows.Insert(12, Seed.Row(100, "row 3", "id-3"));   // a duplicate: no new item, nothing to add
        var report = await Seed.ImportAsync(t, p.Id, options, [.. rows]);
        Assert.Equal(40, report.Imported);
        Assert.Equal(1, report.SkippedDuplicates);
        await AssertExactAsync(t, p.Id);
        Assert.Equal(24, await t.Db.UndecidedItems.CountAsync(u => u.ProjectId == p.Id, Ct));

        // A strict import that rolls back leaves the state as it was.
        var bad = Enumerable.Range(200, 20).Select(i => Seed.Row(i, $"row {i}")).Append(Seed.Bad(300, "broken")).ToArray();
        Assert.True((await Seed.ImportAsync(t, p.Id, new ImportOptions(Strict: true, BatchSize: 7), bad)).RolledBack);
        await AssertExactAsync(t, p.Id);
    }

    private static ImportEntry Person(int line, AnnotationKind kind) =>
        ImportEntry.Ok(new ImportRecord("mem.jsonl", line, $"id-{line}", $"row {line}", "{}", [new ImportedAnnotation("alice", kind, ["b"])]));

    /// <summary>The undecided ranges are disjoint and the project's items inside them are exactly the undecided ones.</summary>
    internal static async Task AssertRangesAsync(TestDb t, long projectId, IReadOnlyList<long> open)
    {
        var db = t.Db;
        var ranges = await db.UndecidedRanges.AsNoTracking().Where(r => r.ProjectId == projectId).OrderBy(r => r.FirstId).ToListAsync(Ct);
        Assert.All(ranges, r => Assert.True(r.FirstId <= r.LastId, $"empty range {r.FirstId}..{r.LastId}"));
        Assert.All(ranges.Zip(ranges.Skip(1)), pair => Assert.True(pair.First.LastId < pair.Second.FirstId, $"ranges overlap at {pair.Second.FirstId}"));
        var ids = await db.Items.Where(i => i.ProjectId == projectId).Select(i => i.Id).OrderBy(id => id).ToListAsync(Ct);
        Assert.Equal(open, ids.Where(id => ranges.Any(r => r.FirstId <= id && id <= r.LastId)));
    }

    private static async Task AssertExactAsync(TestDb t, long projectId)
    {
        await AssertLabelCountsAsync(t, projectId);
        var db = t.Db;
        var decided = AnnotationKinds.ByPerson;
        var given = AnnotationKinds.Given;
        var items = db.Items.Where(i => i.ProjectId == projectId);
        var expected = new ProjectCounts
        {
            ProjectId = projectId,
            Items = await items.LongCountAsync(Ct),
            AnnotatedItems = await items.LongCountAsync(i => db.Annotations.Any(a => a.ItemId == i.Id), Ct),
            DecidedItems = await items.LongCountAsync(i => db.Annotations.Any(a => a.ItemId == i.Id && decided.Contains(a.Kind)), Ct),
            GivenItems = await items.LongCountAsync(i => db.Annotations.Any(a => a.ItemId == i.Id && given.Contains(a.Kind)), Ct),
        };
        var actual = await ProjectCountsReader.ReadAsync(db, projectId, Ct);
        Assert.Equivalent(expected, actual);

        var human = AnnotationKind.Human.ToWire();
        var perAuthor = await db.Annotations.Where(a => a.ProjectId == projectId && a.Kind == human)
            .GroupBy(a => a.Author).Select(g => new { Author = g.Key, Items = g.Select(a => a.ItemId).Distinct().LongCount() })
            .ToDictionaryAsync(x => x.Author, x => x.Items, Ct);
        var stored = await db.AnnotatorCounts.AsNoTracking().Where(c => c.ProjectId == projectId && c.LabeledItems > 0)
            .ToDictionaryAsync(c => c.Author, c => c.LabeledItems, Ct);
        Assert.Equal(perAuthor.OrderBy(x => x.Key), stored.OrderBy(x => x.Key));

        var open = await items.Where(i => !db.Annotations.Any(a => a.ItemId == i.Id && decided.Contains(a.Kind))).Select(i => i.Id).OrderBy(id => id).ToListAsync(Ct);
        var undecided = await db.UndecidedItems.AsNoTracking().Where(u => u.ProjectId == projectId).OrderBy(u => u.ItemId).ToListAsync(Ct);
        Assert.Equal(open, undecided.Select(u => u.ItemId));
        Assert.All(undecided, u => Assert.Equal(SeededRandomStrategy.BaseKey(u.ItemId), u.RandomKey));
        await AssertRangesAsync(t, projectId, open);

        var queue = t.Get<QueueOperations>();
        foreach (var author in Authors)
        {
            var progress = await queue.ProgressAsync(projectId, author, Ct);
            var skipped = await db.ItemSkips.LongCountAsync(s => s.ProjectId == projectId && s.Annotator == author
                && !db.Annotations.Any(a => a.ItemId == s.ItemId && decided.Contains(a.Kind)), Ct);
            Assert.Equal(new QueueProgress(perAuthor.GetValueOrDefault(author), expected.DecidedItems, expected.Items, skipped), progress);
        }
    }
}
