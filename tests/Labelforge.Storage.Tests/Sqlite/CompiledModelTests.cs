using Labelforge.Core.Data;
using Microsoft.EntityFrameworkCore;
using Labelforge.Storage.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Labelforge.Storage.Tests.Sqlite;

/// <summary>
/// The store runs on the generated compiled model; these tests fail as soon as it no longer matches the model the
/// conventions build from the code (an entity or OnModelCreating changed): run `scripts/ef-compiled-model`.
/// </summary>
public sealed class CompiledModelTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "lf-model-" + Guid.NewGuid().ToString("N"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public CompiledModelTests() => Directory.CreateDirectory(_dir);

    [Fact]
    public void Compiled_model_matches_the_model_built_from_the_code()
    {
        var path = Path.Combine(_dir, "m.db");
        using var compiled = new LabelforgeDb(LabelforgeStore.SqliteOptions(path));
        using var built = new LabelforgeDb(LabelforgeStore.SqliteOptions(path, compiledModel: false));
        var expected = built.Model.ToDebugString(MetadataDebugStringOptions.LongDefault);
        var actual = compiled.Model.ToDebugString(MetadataDebugStringOptions.LongDefault);
        Assert.True(expected == actual, "the compiled model is out of date; run scripts/ef-compiled-model\n" + FirstDifference(expected, actual));
    }

    [Fact]
    public async Task Reopening_a_current_database_skips_migrations_and_a_behind_one_is_migrated()
    {
        var path = Path.Combine(_dir, "s.db");
        var store = await LabelforgeStore.OpenSqliteAsync(path, Ct);
        await using (var db = store.CreateDb())
        {
            Assert.True(await SqliteMigrationState.IsCurrentAsync(path, db, Ct));
            // A database that lacks the latest migration is not current, and opening it applies the migration again.
            var latest = (await db.Database.GetAppliedMigrationsAsync(Ct)).Max(StringComparer.Ordinal)!;
            await db.GetService<IMigrator>().MigrateAsync(
                (await db.Database.GetAppliedMigrationsAsync(Ct)).Where(m => string.CompareOrdinal(m, latest) < 0).Max(StringComparer.Ordinal), Ct);
            Assert.False(await SqliteMigrationState.IsCurrentAsync(path, db, Ct));
        }
        await LabelforgeStore.OpenSqliteAsync(path, Ct);
        await using (var db = store.CreateDb())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
            Assert.True(await SqliteMigrationState.IsCurrentAsync(path, db, Ct));
        }
    }

    [Fact]
    public async Task A_new_file_is_not_current()
    {
        var path = Path.Combine(_dir, "new.db");
        await using var db = new LabelforgeDb(LabelforgeStore.SqliteOptions(path));
        Assert.False(await SqliteMigrationState.IsCurrentAsync(path, db, Ct));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            if (a[i] != b[i])
                return $"line {i + 1}: expected '{a[i].Trim()}', compiled '{b[i].Trim()}'";
        }
        return $"expected {a.Length} lines, compiled {b.Length}";
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, true);
    }
}
