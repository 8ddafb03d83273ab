using System.Data.Common;
using Labelforge.Core.Common;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Import.Writing;

/// <summary>
/// Decides about an item whose insert did nothing. A text row with an external id is identified by that id alone
/// (<see cref="Key"/> is null): it is a duplicate when an item with the id exists. Any other row (no id, or an
/// image, identified by its bytes) is a duplicate when an item with its id or its full content hash exists, under the
/// content key or among the collided items kept under the full hash only; otherwise its 8-byte content key is held
/// by different content, a collision that must not drop the row, so it is inserted with no key. Runs only for
/// skipped rows: never on a first import of distinct rows.
/// </summary>
internal sealed class ImportDuplicateResolver : IAsyncDisposable
{
    private readonly DbCommand _byExternal;
    private readonly DbCommand _byKey;
    private readonly DbCommand _byHash;
    private readonly IItemBulkWriter _items;
    private readonly ItemRow[] _row = new ItemRow[1];
    private readonly long[] _id = new long[1];

    public ImportDuplicateResolver(DbConnection connection, long projectId, IItemBulkWriter items)
    {
        _items = items;
        _byExternal = SqlCommands.Create(connection, "SELECT 1 FROM items WHERE ProjectId = @project AND ExternalId = @external", "@project", "@external");
        _byKey = SqlCommands.Create(connection, "SELECT ContentHash FROM items WHERE ProjectId = @project AND ContentKey = @key", "@project", "@key");
        _byHash = SqlCommands.Create(connection,
            "SELECT 1 FROM items WHERE ProjectId = @project AND ContentKey IS NULL AND ExternalId IS NULL AND ContentHash = @hash", "@project", "@hash");
        foreach (var command in new[] { _byExternal, _byKey, _byHash })
            command.Parameters[0].Value = projectId;
    }

    public DbTransaction? Transaction
    {
        set
        {
            _byExternal.Transaction = value;
            _byKey.Transaction = value;
            _byHash.Transaction = value;
        }
    }

    /// <summary>
    /// The content key <paramref name="item"/> is stored under: null for a text with an external id (its identity is
    /// the id), else the key of its hash (see Items.Item.ContentKey).
    /// </summary>
    public static long? Key(PendingItem item) =>
        item.Record.ExternalId is not null && item.Record.Hash is null ? null : ContentHash.Key(item.Hash);

    /// <summary>The row <paramref name="item"/> is written as, under <paramref name="key"/> (null: by its id, or under its full hash only).</summary>
    public static ItemRow Row(PendingItem item, long? key) =>
        new(item.Record.ExternalId, item.Hash, key, item.Record.Text, item.Record.DataJson, item.Record.TextSlot);

    /// <summary>The new id when the row is a collision and got inserted; 0 for a duplicate.</summary>
    public long Resolve(PendingItem item)
    {
        if (item.Record.ExternalId is { } external && Exists(_byExternal, external))
            return 0;
        if (Key(item) is null)
            throw new InvalidOperationException($"the insert of item '{item.Record.ExternalId}' was ignored, but no item has that id");
        _byKey.Parameters[1].Value = ContentHash.Key(item.Hash);
        var holder = _byKey.ExecuteScalar() as byte[];
        if (holder is not null && holder.AsSpan().SequenceEqual(item.Hash))
            return 0;
        if (Exists(_byHash, item.Hash))
            return 0;
        _row[0] = Row(item, holder is null ? ContentHash.Key(item.Hash) : null);
        _items.Insert(_row, _id);
        return _id[0];
    }

    private static bool Exists(DbCommand command, object value)
    {
        command.Parameters[1].Value = value;
        return command.ExecuteScalar() is not null;
    }

    public async ValueTask DisposeAsync()
    {
        await _byExternal.DisposeAsync();
        await _byKey.DisposeAsync();
        await _byHash.DisposeAsync();
    }
}
