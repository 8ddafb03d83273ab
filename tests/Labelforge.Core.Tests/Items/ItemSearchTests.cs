using Labelforge.Core.Items;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Tests.Items;

public class ItemSearchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Queries = ["number 2", "NUMBER 1", "100%", "a_b", "ber 3", "id-7", "zzz", "4"];

    private static async Task<List<string>> SearchAllAsync(TestDb t, long projectId)
    {
        var ops = t.Get<ItemOperations>();
        var results = new List<string>(); // total and the first ten ids, per query
        foreach (var q in Queries)
        {
            var page = await ops.QueryAsync(projectId, new ItemQuery(Search: q, PageSize: 5, Page: 2), Ct);
            var first = await ops.QueryAsync(projectId, new ItemQuery(Search: q, PageSize: 5), Ct);
            results.Add($"{q}: {first.Total}: {string.Join(',', first.Items.Concat(page.Items).Select(i => i.Id))}");
        }
        return results;
    }

    // What a plain scan finds: the text contains the query (LIKE, ASCII case-insensitive) or the external id is it.
    private static async Task<List<string>> ScanAsync(TestDb t, long projectId)
    {
        var results = new List<string>(); // total and the first ten ids, per query
        foreach (var q in Queries)
        {
            var pattern = ItemOperations.ContainsPattern(q);
            var ids = await t.Db.Items.Where(i => i.ProjectId == projectId && (EF.Functions.Like(i.Text, pattern, "\\") || i.ExternalId == q))
                .OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct);
            results.Add($"{q}: {ids.Count}: {string.Join(',', ids.Take(10))}");
        }
        return results;
    }

    [Fact]
    public async Task Search_finds_the_same_items_before_during_and_after_indexing_and_forgets_erased_ones()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        var other = await t.ProjectAsync("other");
        await Seed.ItemsAsync(t, other.Id, 30); // same texts in another project never show up
        var texts = Enumerable.Range(1, 40).Select(i => $"item number {i}").Concat(["costs 100% more", "a_b here", "aXb not", "Item NUMBER 1000"]);
        await Seed.ImportAsync(t, p.Id, null, texts.Select((s, i) => Seed.Row(i + 1, s, $"id-{i + 1}")).ToArray());

        var expected = await ScanAsync(t, p.Id);
        Assert.Equal(expected, await SearchAllAsync(t, p.Id)); // nothing indexed: the tail scan
        Assert.True(await ItemSearchIndex.CatchUpAsync(t.Store.CreateDb, Ct) >= 74);
        Assert.Equal(expected, await SearchAllAsync(t, p.Id)); // all indexed

        await Seed.ImportAsync(t, p.Id, null, Seed.Row(100, "number 2 again, newest"), Seed.Row(101, "a_b twice"));
        var erased = await t.Db.Items.Where(i => i.ProjectId == p.Id && i.Text.Contains("number 2")).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(Ct);
        await t.Db.Items.Where(i => i.Id == erased).ExecuteDeleteAsync(Ct);
        expected = await ScanAsync(t, p.Id);
        Assert.Equal(expected, await SearchAllAsync(t, p.Id)); // indexed items plus a newer, unindexed tail, one erased
        await ItemSearchIndex.CatchUpAsync(t.Store.CreateDb, Ct);
        Assert.Equal(expected, await SearchAllAsync(t, p.Id));
    }

    [Fact]
    public async Task A_search_past_the_count_limit_says_its_total_is_capped()
    {
        await using var t = await TestDb.CreateAsync();
        var p = await t.ProjectAsync();
        await Seed.ImportAsync(t, p.Id, null, Enumerable.Range(1, ItemOperations.SearchCountLimit + 5).Select(i => Seed.Row(i, $"common word {i}")).ToArray());
        await ItemSearchIndex.CatchUpAsync(t.Store.CreateDb, Ct);

        var page = await t.Get<ItemOperations>().QueryAsync(p.Id, new ItemQuery(Search: "common"), Ct);

        Assert.True(page.TotalCapped);
        Assert.Equal(ItemOperations.SearchCountLimit, page.Total);
        Assert.Equal(50, page.Items.Count);
    }
}
