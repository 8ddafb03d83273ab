using System.Data.Common;
using System.Globalization;
using Labelforge.Core.Data;
using Labelforge.Core.Items;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Storage.Sqlite;

/// <summary>
/// The items search on SQLite: an FTS5 trigram index over <c>items.Text</c> (external content, table
/// <c>item_search</c>; <see cref="ItemSearchSql"/>), which answers LIKE '%text%' for texts of 3 or more characters
/// without reading every item. Items up to <c>item_search_state.IndexedThroughId</c> are in the index; newer ones (an
/// import the background indexer has not reached yet) are scanned, so results are the same either way. Every match
/// is checked with the exact escaped LIKE, since the index reads % and _ in the text as wildcards.
/// </summary>
internal sealed class SqliteItemSearch : IItemSearch
{
    public static SqliteItemSearch Instance { get; } = new();

    // Trigram needs 3 characters between wildcards to use its index.
    private const int MinIndexedLength = 3;

    private const string Indexed =
        "SELECT s.rowid FROM item_search s CROSS JOIN items i ON i.Id = s.rowid " +
        "WHERE s.Text LIKE @loose AND s.rowid <= @through AND i.ProjectId = @project AND i.Text LIKE @exact ESCAPE '\\'";

    private const string Tail = "SELECT Id FROM items WHERE ProjectId = @project AND Id > @through AND Text LIKE @exact ESCAPE '\\'";

    public async Task<ItemSearchResult?> SearchAsync(LabelforgeDb db, long projectId, string text, int take, int countLimit, CancellationToken ct)
    {
        if (text.Length < MinIndexedLength)
            return null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            object[] args = [projectId, await ThroughAsync(connection, ct), "%" + text + "%", ItemOperations.ContainsPattern(text), text];
            var ids = await IdsAsync(connection, $"{Indexed} ORDER BY s.rowid LIMIT {take}", args, ct);
            ids.AddRange(await IdsAsync(connection, $"{Tail} ORDER BY Id LIMIT {take}", args, ct));
            var total = await CountAsync(connection, Indexed, countLimit + 1, args, ct) + await CountAsync(connection, Tail, countLimit + 1, args, ct);
            // An item whose external id is the text matches too, once.
            var byExternal = await IdsAsync(connection,
                "SELECT Id FROM items WHERE ProjectId = @project AND ExternalId = @text AND NOT (Text LIKE @exact ESCAPE '\\')", args, ct);
            ids.AddRange(byExternal);
            total += byExternal.Count;
            var first = ids.Distinct().Order().Take(take).ToList();
            return new ItemSearchResult(first, Math.Min(total, countLimit), total > countLimit);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> IndexAsync(LabelforgeDb db, int maxItems, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var through = await ThroughAsync(connection, ct);
        object[] args = [through, maxItems];
        var last = await ScalarAsync(connection, "SELECT MAX(Id) FROM (SELECT Id FROM items WHERE Id > @p0 ORDER BY Id LIMIT @p1)", args, ct);
        if (last is not long upTo)
            return 0;
        var indexed = await ExecuteAsync(connection, "INSERT INTO item_search (rowid, Text) SELECT Id, Text FROM items WHERE Id > @p0 AND Id <= @p1", [through, upTo], ct);
        await ExecuteAsync(connection, "UPDATE item_search_state SET IndexedThroughId = @p0 WHERE Id = 1", [upTo], ct);
        await tx.CommitAsync(ct);
        return indexed;
    }

    private static async Task<long> ThroughAsync(DbConnection connection, CancellationToken ct) =>
        await ScalarAsync(connection, "SELECT IndexedThroughId FROM item_search_state WHERE Id = 1", [], ct) as long? ?? 0;

    private static async Task<long> CountAsync(DbConnection connection, string sql, int limit, object[] args, CancellationToken ct) =>
        (long)(await ScalarAsync(connection, $"SELECT COUNT(*) FROM ({sql} LIMIT {limit})", args, ct))!;

    private static async Task<List<long>> IdsAsync(DbConnection connection, string sql, object[] args, CancellationToken ct)
    {
        await using var command = Command(connection, sql, args);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<long>();
        while (await reader.ReadAsync(ct))
            ids.Add(reader.GetInt64(0));
        return ids;
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, string sql, object[] args, CancellationToken ct)
    {
        await using var command = Command(connection, sql, args);
        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, string sql, object[] args, CancellationToken ct)
    {
        await using var command = Command(connection, sql, args);
        return await command.ExecuteNonQueryAsync(ct);
    }

    // Search arguments are named (@project, @through, @loose, @exact, @text, in that order); index ones positional (@p0, @p1).
    private static DbCommand Command(DbConnection connection, string sql, object[] args)
    {
        string[] names = args.Length == 5 ? ["@project", "@through", "@loose", "@exact", "@text"] : ["@p0", "@p1"];
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++)
        {
            if (!sql.Contains(names[i], StringComparison.Ordinal))
                continue;
            var p = command.CreateParameter();
            p.ParameterName = names[i];
            p.Value = args[i];
            command.Parameters.Add(p);
        }
        return command;
    }
}
