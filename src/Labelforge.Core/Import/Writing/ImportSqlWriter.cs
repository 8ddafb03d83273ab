using System.Data.Common;
using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Import.Readers;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Import.Writing;

/// <summary>
/// The write side of the import hot path. Items are queued and go to the <see cref="IItemBulkWriter"/> a full
/// statement at a time; a row it ignored is resolved by <see cref="ImportDuplicateResolver"/> (true duplicate, or
/// a content-key collision stored under the full hash). EF change tracking would cost more than the insert itself.
/// </summary>
internal sealed class ImportSqlWriter : IAsyncDisposable
{
    private readonly IItemBulkWriter _items;
    private readonly ImportDuplicateResolver _duplicates;
    private readonly AnnotationBulkWriter _annotations;
    private readonly List<PendingItem> _pending;
    private readonly List<(PendingItem Item, long Id)> _done;
    private readonly ItemRow[] _rows;
    private readonly long[] _ids;

    public ImportSqlWriter(DbConnection connection, IItemBulkWriter items, long projectId, long createdAtMs)
    {
        _items = items;
        _duplicates = new ImportDuplicateResolver(connection, projectId, items);
        _annotations = new AnnotationBulkWriter(connection, projectId, createdAtMs);
        _pending = new(items.RowsPerStatement);
        _done = new(items.RowsPerStatement);
        _rows = new ItemRow[items.RowsPerStatement];
        _ids = new long[items.RowsPerStatement];
    }

    /// <summary>A writer on <paramref name="db"/>'s open connection, with the store's bulk item writer when it registered one.</summary>
    public static ImportSqlWriter Create(LabelforgeDb db, long projectId, long batchId, long createdAtMs)
    {
        var connection = db.Database.GetDbConnection();
        var items = ItemBulkWriterOptionsExtension.Find(db)?.Create(connection, projectId, batchId, createdAtMs)
            ?? new AdoItemBulkWriter(connection, projectId, batchId, createdAtMs);
        return new ImportSqlWriter(connection, items, projectId, createdAtMs);
    }

    public DbTransaction? Transaction
    {
        set
        {
            _items.Transaction = value;
            _duplicates.Transaction = value;
            _annotations.Transaction = value;
        }
    }

    /// <summary>Queues an item; true when a full statement is waiting and the caller should <see cref="Flush"/>.</summary>
    public bool Add(PendingItem item)
    {
        _pending.Add(item);
        return _pending.Count == _rows.Length;
    }

    /// <summary>
    /// Writes the queued items and returns each with its new id, or 0 when it was a duplicate (an item with the
    /// same identity exists, including one earlier in this import: see <see cref="ImportDuplicateResolver"/>). The
    /// list is reused.
    /// </summary>
    public IReadOnlyList<(PendingItem Item, long Id)> Flush()
    {
        _done.Clear();
        for (var i = 0; i < _pending.Count; i++)
            _rows[i] = ImportDuplicateResolver.Row(_pending[i], ImportDuplicateResolver.Key(_pending[i]));
        if (_pending.Count == _rows.Length)
            _items.Insert(_rows, _ids);
        else
        {
            for (var i = 0; i < _pending.Count; i++)
                _items.Insert(_rows.AsSpan(i, 1), _ids.AsSpan(i, 1));
        }
        for (var i = 0; i < _pending.Count; i++)
        {
            var item = _pending[i];
            _done.Add((item, _ids[i] != 0 ? _ids[i] : _duplicates.Resolve(item)));
        }
        _pending.Clear();
        return _done;
    }

    /// <summary>Adds new items to the undecided set, in the order given (see <see cref="IItemBulkWriter.InsertUndecided"/>).</summary>
    public void InsertUndecided(ReadOnlySpan<long> itemIds, ReadOnlySpan<long> randomKeys) => _items.InsertUndecided(itemIds, randomKeys);

    /// <summary>Adds a run of those items to the import order (see <see cref="IItemBulkWriter.InsertUndecidedRange"/>).</summary>
    public void InsertUndecidedRange(long firstId, long lastId) => _items.InsertUndecidedRange(firstId, lastId);

    /// <summary>Appends an imported annotation, with the source's own time and time spent when it gave them.</summary>
    public void InsertAnnotation(long itemId, string author, ImportedAnnotation source, AnnotationValue value, int taxonomyVersion) =>
        _annotations.Insert(itemId, author, source.Kind.ToWire(), value, source.Confidence, null, taxonomyVersion,
            source.CreatedAt?.ToUnixTimeMilliseconds(), source.TimeSpentMs);

    public async ValueTask DisposeAsync()
    {
        _items.Dispose();
        await _duplicates.DisposeAsync();
        await _annotations.DisposeAsync();
    }
}
