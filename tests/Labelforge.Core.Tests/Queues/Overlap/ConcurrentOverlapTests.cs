using Labelforge.Core.Annotations;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Core.Tests.Queues.Overlap;

public class ConcurrentOverlapTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// 20 annotators at once, each on its own context of one SQLite file, claim, label and sometimes skip until the
    /// queue is empty under overlap 3: every item ends with exactly 3 distinct people's labels (none over-served), nobody
    /// labels an item twice, and at no claim does an item have more leases plus labels than 3.
    /// </summary>
    [Fact]
    public async Task Twenty_annotators_with_overlap_three_never_over_serve_or_repeat()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var ids = await Seed.ItemsAsync(t, p.Id, 60);
        await t.Get<QueueSettingsOperations>().SetAsync(p.Id, new QueueSettingsUpdate { Overlap = 3 }, Ct);
        var overServed = 0;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(n => Task.Run(async () =>
        {
            await using var db = t.Store.CreateDb();
            await using var services = t.ServicesFor(db);
            var queue = services.GetRequiredService<QueueOperations>();
            var annotations = services.GetRequiredService<AnnotationOperations>();
            var name = $"annotator{n}";
            var random = new Random(n);
            while (true)
            {
                var items = await queue.NextAsync(p.Id, new QueueRequest(name, 1 + random.Next(3)), Ct);
                if (items.Count == 0)
                    return;
                foreach (var item in items)
                {
                    // What the store holds for the item right after the claim: never more than the overlap.
                    var held = await db.ItemLeases.CountAsync(l => l.ItemId == item.Id, Ct)
                        + await db.Annotations.Where(a => a.ItemId == item.Id && a.Kind == "human").Select(a => a.Author).Distinct().CountAsync(Ct);
                    if (held > 3)
                        Interlocked.Increment(ref overServed);
                    await annotations.SubmitAsync(p.Id, new NewAnnotation(item.Id, name, Labels: [random.Next(2) == 0 ? "ham" : "spam"]), Ct);
                }
            }
        }, Ct)));

        Assert.Equal(0, overServed);
        var labels = await t.Db.Annotations.Where(a => a.ProjectId == p.Id).GroupBy(a => a.ItemId)
            .Select(g => new { Item = g.Key, Count = g.Count(), Authors = g.Select(a => a.Author).Distinct().Count() }).ToListAsync(Ct);
        Assert.Equal(ids.Length, labels.Count);
        Assert.All(labels, l => Assert.Equal((3, 3), (l.Count, l.Authors)));
        Assert.Empty(await t.Db.UndecidedItems.Where(u => u.ProjectId == p.Id).ToListAsync(Ct));
        Assert.Empty(await t.Db.ItemLeases.Where(l => l.ProjectId == p.Id).ToListAsync(Ct));
    }
}
