using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage.Tests.Migrations;

/// <summary>
/// The RequestIdPerAuthor migration swaps the annotations' unique request-id index for one per author, in place: the
/// table (which other tables' triggers name) is not rebuilt and keeps its rows.
/// </summary>
public sealed class RequestIdPerAuthorMigrationTests : MigrationTestFolder
{
    [Fact]
    public async Task The_index_becomes_per_author_without_rebuilding_the_annotations_table()
    {
        var path = PathOf("old.db");
        await MigrateAsync(path, "20261202070942_GuidelineVersionsAndAgreement");
        string tableBefore;
        await using (var c = await OpenAsync(path))
        {
            await ExecAsync(c, "INSERT INTO projects (Id, Name, TaskType, MultiLabel, Guidelines, TaxonomyVersion, GuidelineVersion, CreatedAt) VALUES (1, 'p', 'text-classification', 0, '', 1, 0, 0)");
            await ExecAsync(c, "INSERT INTO items (Id, ProjectId, ContentHash, ContentKey, Text, DataJson, CreatedAt) VALUES (1, 1, x'01', 1, 'a', '{}', 0)");
            await ExecAsync(c, "INSERT INTO annotations (Id, ProjectId, ItemId, Author, Kind, LabelIdsJson, TaxonomyVersion, CreatedAt, RequestId) VALUES (1, 1, 1, 'alice', 'human', '[]', 1, 0, 'r-1')");
            // Before: another author's use of the id collides.
            await Assert.ThrowsAsync<SqliteException>(() => ExecAsync(c, Annotation(2, "bob", "r-1")));
            tableBefore = await ScalarAsync(c, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'annotations'");
        }

        await (await LabelforgeStore.OpenSqliteAsync(path, Ct)).CreateDb().DisposeAsync();

        await using var migrated = await OpenAsync(path);
        Assert.Equal(tableBefore, await ScalarAsync(migrated, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'annotations'"));
        Assert.Equal("0", await ScalarAsync(migrated, "SELECT count(*) FROM sqlite_master WHERE name = 'IX_annotations_ProjectId_RequestId'"));
        Assert.Contains("\"ProjectId\", \"Author\", \"RequestId\"",
            await ScalarAsync(migrated, "SELECT sql FROM sqlite_master WHERE name = 'IX_annotations_ProjectId_Author_RequestId'"), StringComparison.Ordinal);
        await ExecAsync(migrated, Annotation(2, "bob", "r-1"));
        await Assert.ThrowsAsync<SqliteException>(() => ExecAsync(migrated, Annotation(3, "alice", "r-1")));
        Assert.Equal("2", await ScalarAsync(migrated, "SELECT count(*) FROM annotations WHERE RequestId = 'r-1'"));
    }

    private static string Annotation(long id, string author, string requestId) =>
        $"INSERT INTO annotations (Id, ProjectId, ItemId, Author, Kind, LabelIdsJson, TaxonomyVersion, CreatedAt, RequestId) VALUES ({id}, 1, 1, '{author}', 'human', '[]', 1, 0, '{requestId}')";

    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var c = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path));
        await c.OpenAsync(Ct);
        return c;
    }

    private static async Task<string> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }
}
