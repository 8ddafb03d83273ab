using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Labelforge.Core.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage.Tests.Migrations;

/// <summary>The UndecidedRanges migration on a database whose undecided set was kept by item.</summary>
public sealed class UndecidedRangesMigrationTests : MigrationTestFolder
{
    [Fact]
    public async Task Runs_of_undecided_items_in_each_projects_id_order_become_ranges_and_the_set_keeps_its_rows()
    {
        var path = PathOf("old.db");
        await MigrateAsync(path, "20261202001255_LabelCounts");
        await using (var c = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path)))
        {
            await c.OpenAsync(Ct);
            foreach (var project in new[] { 1, 2 })
                await ExecAsync(c, $"INSERT INTO projects (Id, Name, TaskType, MultiLabel, Guidelines, TaxonomyVersion, CreatedAt) VALUES ({project}, 'p{project}', 'text-classification', 0, '', 1, 0)");
            // Project 1 holds ids 1, 2, 3, 5, 6, 9 and project 2 ids 4, 7, 8; the old import added every item to the set.
            foreach (var (id, project) in new[] { (1, 1), (2, 1), (3, 1), (4, 2), (5, 1), (6, 1), (7, 2), (8, 2), (9, 1) })
            {
                await ExecAsync(c, $"INSERT INTO items (Id, ProjectId, ContentHash, ContentKey, Text, DataJson, CreatedAt) VALUES ({id}, {project}, x'{id:X32}', {id}, 'text {id}', '{{}}', 0)");
                await ExecAsync(c, $"INSERT INTO undecided_items (ProjectId, ItemId, RandomKey) VALUES ({project}, {id}, {SeededRandomStrategy.BaseKey(id)})");
            }
            // A person decides item 3 (the old trigger takes it out of the set).
            await ExecAsync(c, "INSERT INTO annotations (Id, ProjectId, ItemId, Author, Kind, LabelIdsJson, TaxonomyVersion, CreatedAt) VALUES (1, 1, 3, 'alice', 'human', '[]', 1, 0)");
        }

        var store = await LabelforgeStore.OpenSqliteAsync(path, Ct);
        await using var migrated = store.CreateDb();
        var ranges = await migrated.UndecidedRanges.OrderBy(r => r.ProjectId).ThenBy(r => r.FirstId).Select(r => new { r.ProjectId, r.FirstId, r.LastId }).ToListAsync(Ct);
        Assert.Equal([new { ProjectId = 1L, FirstId = 1L, LastId = 2L }, new { ProjectId = 1L, FirstId = 5L, LastId = 9L }, new { ProjectId = 2L, FirstId = 4L, LastId = 8L }], ranges);
        var undecided = await migrated.UndecidedItems.OrderBy(u => u.ItemId).Select(u => new { u.ItemId, u.RandomKey }).ToListAsync(Ct);
        Assert.Equal(new long[] { 1, 2, 4, 5, 6, 7, 8, 9 }.Select(id => new { ItemId = id, RandomKey = SeededRandomStrategy.BaseKey(id) }), undecided);

        // The new triggers run: deciding item 6 splits project 1's second range (ids 7 and 8 are project 2's and may stay inside).
        await using var services = new ServiceCollection().AddSingleton(migrated).AddSingleton(TimeProvider.System).AddLabelforgeCore().BuildServiceProvider();
        var claimed = await services.GetRequiredService<QueueOperations>().NextAsync(1, new QueueRequest("bob", 10, ImportOrderStrategy.WireName), Ct);
        Assert.Equal([1L, 2, 5, 6, 9], claimed.Select(i => i.Id));
        await using (var c = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path)))
        {
            await c.OpenAsync(Ct);
            await ExecAsync(c, "INSERT INTO annotations (Id, ProjectId, ItemId, Author, Kind, LabelIdsJson, TaxonomyVersion, CreatedAt) VALUES (2, 1, 6, 'carol', 'human', '[]', 1, 0)");
        }
        Assert.Equal([(5L, 5L), (7L, 9L)], await migrated.UndecidedRanges.Where(r => r.ProjectId == 1 && r.FirstId > 2).OrderBy(r => r.FirstId)
            .Select(r => new ValueTuple<long, long>(r.FirstId, r.LastId)).ToListAsync(Ct));
    }
}
