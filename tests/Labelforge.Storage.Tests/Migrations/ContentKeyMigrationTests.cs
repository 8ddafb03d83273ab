using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage.Tests.Migrations;

/// <summary>The ContentKey migration on a database that already holds items from before it.</summary>
public sealed class ContentKeyMigrationTests : MigrationTestFolder
{
    [Fact]
    public async Task Existing_items_get_the_key_of_their_hash_and_a_colliding_one_keeps_its_full_hash_only()
    {
        var path = PathOf("old.db");
        var hashes = new[] { ContentHash.Of("one"), ContentHash.Of("two"), ContentHash.Of("one")[..8].Concat(new byte[8]).ToArray() };
        await using (var connection = await OldDatabaseAsync(path))
        {
            for (var i = 0; i < hashes.Length; i++)
                await ExecAsync(connection, "INSERT INTO items (Id, ProjectId, ExternalId, ContentHash, Text, DataJson, CreatedAt) VALUES (@id, 1, NULL, @hash, @text, '{}', 0)",
                    ("@id", i + 1), ("@hash", hashes[i]), ("@text", $"text {i}"));
        }

        var store = await LabelforgeStore.OpenSqliteAsync(path, Ct);
        await using var migrated = store.CreateDb();
        var keys = await migrated.Items.OrderBy(i => i.Id).Select(i => i.ContentKey).ToListAsync(Ct);
        Assert.Equal([ContentHash.Key(hashes[0]), ContentHash.Key(hashes[1]), null], keys);
        var indexes = await migrated.Database.SqlQueryRaw<string>("SELECT sql AS Value FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND sql IS NOT NULL").ToListAsync(Ct);
        Assert.Contains(indexes, s => s.Contains("\"ContentKey\" IS NULL", StringComparison.Ordinal));
        Assert.Contains(indexes, s => s.Contains("\"ExternalId\" IS NOT NULL", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0000000000000000", 0L)]
    [InlineData("7FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("8000000000000000", long.MinValue)]
    [InlineData("FFFFFFFFFFFFFFFE", -2L)]
    [InlineData("0102030405060708", 0x0102030405060708L)]
    public async Task The_sql_key_matches_the_code_key_at_the_edges(string hex, long expected)
    {
        var hash = Convert.FromHexString(hex + "AABBCCDDEEFF0011");
        Assert.Equal(expected, ContentHash.Key(hash));
        var path = PathOf("edge.db");
        await using (var connection = await OldDatabaseAsync(path))
            await ExecAsync(connection, "INSERT INTO items (ProjectId, ContentHash, Text, DataJson, CreatedAt) VALUES (1, @hash, 't', '{}', 0)", ("@hash", hash));
        var store = await LabelforgeStore.OpenSqliteAsync(path, Ct);
        await using var migrated = store.CreateDb();
        Assert.Equal(expected, await migrated.Items.Select(i => i.ContentKey).SingleAsync(Ct));
    }

    /// <summary>A database at the migration before ContentKey, holding project 1; an open connection to it.</summary>
    private static async Task<SqliteConnection> OldDatabaseAsync(string path)
    {
        await MigrateAsync(path, "20261128043121_LabelingFunctions");
        var connection = new SqliteConnection(LabelforgeStore.SqliteConnectionString(path));
        await connection.OpenAsync(Ct);
        await ExecAsync(connection, "INSERT INTO projects (Id, Name, TaskType, MultiLabel, Guidelines, TaxonomyVersion, CreatedAt) VALUES (1, 'p', 'classification', 0, '', 1, 0)");
        return connection;
    }
}
