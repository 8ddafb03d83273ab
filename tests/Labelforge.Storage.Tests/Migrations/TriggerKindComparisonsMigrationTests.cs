using System.Text.RegularExpressions;
using Labelforge.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage.Tests.Migrations;

/// <summary>The TriggerKindComparisons migration: every trigger keeps its meaning, none keeps a list of three kinds.</summary>
public sealed partial class TriggerKindComparisonsMigrationTests : MigrationTestFolder
{
    [Fact]
    public async Task Each_trigger_after_the_migration_is_the_one_before_with_its_kind_lists_written_as_comparisons()
    {
        var path = PathOf("old.db");
        await MigrateAsync(path, "20261202145746_CocoCategoryIds");
        var before = await TriggersAsync(path);
        // The replay the migration works from names exactly the triggers the database holds, with the same text.
        Assert.Equal(before.Keys.Order(), TriggerKindComparisonsSql.Current.Select(t => t.Name).Order());
        foreach (var (name, sql) in TriggerKindComparisonsSql.Current)
            Assert.Equal(Normalize(before[name]), Normalize(sql));

        await MigrateAsync(path);
        var after = await TriggersAsync(path);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        var changed = 0;
        foreach (var (name, sql) in before)
        {
            Assert.Equal(Normalize(TriggerKindComparisonsSql.Rewrite(sql)), Normalize(after[name]));
            changed += Normalize(sql) == Normalize(after[name]) ? 0 : 1;
            Assert.DoesNotMatch(ThreeConstants(), after[name]);
        }
        Assert.True(changed >= 5, $"only {changed} triggers were rewritten");

        await MigrateAsync(path, "20261202145746_CocoCategoryIds");
        var down = await TriggersAsync(path);
        Assert.Equal(before.ToDictionary(t => t.Key, t => Normalize(t.Value)), down.ToDictionary(t => t.Key, t => Normalize(t.Value)));
    }

    [Fact]
    public void Rewrite_turns_lists_of_three_or_more_constants_into_comparisons_and_leaves_shorter_lists_and_subqueries()
    {
        Assert.Equal("WHEN (NEW.Kind = 'human' OR NEW.Kind = 'import' OR NEW.Kind = 'review') AND a.Kind IN ('review', 'gold')",
            TriggerKindComparisonsSql.Rewrite("WHEN NEW.Kind IN ('human', 'import', 'review') AND a.Kind IN ('review', 'gold')"));
        Assert.Equal("x IN (SELECT Id FROM t)", TriggerKindComparisonsSql.Rewrite("x IN (SELECT Id FROM t)"));
        Assert.Equal("(Kind = 'a' OR Kind = 'b' OR Kind = 'c' OR Kind = 'd')", TriggerKindComparisonsSql.Rewrite("Kind IN ('a', 'b', 'c', 'd')"));
    }

    /// <summary>The project's counts come out the same through the rewritten triggers (human, import, review and consensus writes).</summary>
    [Fact]
    public async Task Counts_kept_by_the_rewritten_triggers_match_a_recount()
    {
        var path = PathOf("new.db");
        var store = await LabelforgeStore.OpenSqliteAsync(path, Ct);
        await using (var c = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path)))
        {
            await c.OpenAsync(Ct);
            await ExecAsync(c, "INSERT INTO projects (Id, Name, TaskType, MultiLabel, Guidelines, TaxonomyVersion, CreatedAt) VALUES (1, 'p', 'text-classification', 0, '', 1, 0)");
            for (var id = 1; id <= 6; id++)
                await ExecAsync(c, $"INSERT INTO items (Id, ProjectId, ContentHash, ContentKey, Text, DataJson, CreatedAt) VALUES ({id}, 1, x'{id:X32}', {id}, 't{id}', '{{}}', 0)");
            await ExecAsync(c, "INSERT INTO project_counts (ProjectId, Items, AnnotatedItems, DecidedItems, GivenItems) VALUES (1, 6, 0, 0, 0) ON CONFLICT DO UPDATE SET Items = 6");
            var kinds = new[] { (1, "human"), (2, "import"), (3, "review"), (4, "consensus"), (5, "model"), (1, "consensus"), (2, "human") };
            foreach (var (item, kind) in kinds)
                await ExecAsync(c, $"INSERT INTO annotations (ProjectId, ItemId, Author, Kind, LabelIdsJson, TaxonomyVersion, CreatedAt) VALUES (1, {item}, 'a', '{kind}', '[]', 1, 0)");
        }
        await using var db = store.CreateDb();
        var counts = await db.Database.SqlQueryRaw<long>("SELECT AnnotatedItems * 100 + DecidedItems * 10 + GivenItems AS Value FROM project_counts WHERE ProjectId = 1").SingleAsync(Ct);
        var recount = await db.Database.SqlQueryRaw<long>(
            "SELECT (SELECT COUNT(DISTINCT ItemId) FROM annotations WHERE ProjectId = 1) * 100 " +
            "+ (SELECT COUNT(DISTINCT ItemId) FROM annotations WHERE ProjectId = 1 AND Kind IN ('human', 'review')) * 10 " +
            "+ (SELECT COUNT(DISTINCT ItemId) FROM annotations WHERE ProjectId = 1 AND Kind IN ('human', 'import', 'review')) AS Value").SingleAsync(Ct);
        Assert.Equal(recount, counts);
        // Annotated: items 1 to 5; decided (human or review): 1, 2, 3; given (human, import or review): 1, 2, 3.
        Assert.Equal(533, counts);
    }

    private static string Normalize(string sql) => sql.Trim().TrimEnd(';').Trim();

    private static async Task<Dictionary<string, string>> TriggersAsync(string path)
    {
        await using var c = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path));
        await c.OpenAsync(Ct);
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var triggers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(Ct))
            triggers[reader.GetString(0)] = reader.GetString(1);
        return triggers;
    }

    [GeneratedRegex(@"IN \('[^']*'(, '[^']*'){2,}\)")]
    private static partial Regex ThreeConstants();
}
