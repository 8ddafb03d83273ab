using Labelforge.Core.Common;
using Labelforge.Core.Counts;
using Labelforge.Core.Items;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Labelforge.Storage.Tests.Migrations;

/// <summary>The ScaleIndexes migration on a database that already holds items and annotations from before it.</summary>
public sealed class ScaleIndexesMigrationTests : MigrationTestFolder
{
    [Fact]
    public async Task Existing_rows_fill_the_counts_the_undecided_items_and_the_search_index()
    {
        var path = PathOf("old.db");
        long[] ids = [1, 2, 3, 4, 5, 4294967290, 4294967295, 9_000_000_000];
        await MigrateAsync(path, "20261128093048_ItemSkips");
        await using (var c = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path)))
        {
            await c.OpenAsync(Ct);
            await ExecAsync(c, "INSERT INTO projects (Id, Name, TaskType, MultiLabel, Guidelines, TaxonomyVersion, CreatedAt) VALUES (1, 'p', 'text-classification', 0, '', 1, 0)");
            foreach (var id in ids)
                await ExecAsync(c, $"INSERT INTO items (Id, ProjectId, ContentHash, ContentKey, Text, DataJson, CreatedAt) VALUES ({id}, 1, x'{id:X32}', {id}, 'old text {id}', '{{}}', 0)");
            var n = 0;
            foreach (var (item, author, kind) in new[] { (1, "alice", "human"), (1, "alice", "human"), (2, "rev", "review"), (3, "import:1", "import"), (4, "model:m@1", "model") })
                await ExecAsync(c, $"INSERT INTO annotations (Id, ProjectId, ItemId, Author, Kind, LabelIdsJson, TaxonomyVersion, CreatedAt) VALUES ({++n}, 1, {item}, '{author}', '{kind}', '[]', 1, 0)");
        }

        var store = await LabelforgeStore.OpenSqliteAsync(path, Ct);
        await using var migrated = store.CreateDb();
        Assert.Equivalent(new ProjectCounts { ProjectId = 1, Items = ids.Length, AnnotatedItems = 4, DecidedItems = 2, GivenItems = 3 },
            await ProjectCountsReader.ReadAsync(migrated, 1, Ct));
        Assert.Equal(1, await migrated.AnnotatorCounts.Where(a => a.Author == "alice").Select(a => a.LabeledItems).SingleAsync(Ct));
        var undecided = await migrated.UndecidedItems.OrderBy(u => u.ItemId).ToListAsync(Ct);
        Assert.Equal(ids.Where(id => id > 2), undecided.Select(u => u.ItemId));
        Assert.All(undecided, u => Assert.Equal(SeededRandomStrategy.BaseKey(u.ItemId), u.RandomKey)); // SQL and C# agree

        Assert.Equal(ids.Length, await ItemSearchIndex.CatchUpAsync(store.CreateDb, Ct));
        await using var services = new ServiceCollection().AddSingleton(migrated).AddSingleton(TimeProvider.System).AddLabelforgeCore().BuildServiceProvider();
        var page = await services.GetRequiredService<ItemOperations>().QueryAsync(1, new ItemQuery(Search: "text 429"), Ct);
        Assert.Equal([4294967290L, 4294967295L], page.Items.Select(i => i.Id));
    }
}
