using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Writing;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Counts;

/// <summary>
/// Adds the items an import stored to the maintained state (<c>undecided_items</c>, <c>project_counts.Items</c>) once per
/// batch, in the batch's own transaction. Imports are the only writer of items; a per-row trigger did the same work at
/// about twice the import's cost, so items are the one table the store's triggers leave to this step (deletes and every
/// annotation write stay with the triggers). The import tells this step each new id as the writer returns it, so the
/// batch's undecided rows go in sorted by random key through the bulk writer's prepared statement (one ordered walk of
/// the key index) without reading the batch's items back, and the count moves by the number of new ids.
/// </summary>
internal sealed class ImportedItemsState(LabelforgeDb db, ImportSqlWriter writer, long projectId)
{
    private const string AddItems = "UPDATE project_counts SET Items = Items + {0} WHERE ProjectId = {1}";

    private long[] _ids = new long[1024];
    private long[] _keys = new long[1024];
    private int _undecided;
    private long _added;

    /// <summary>
    /// Records a new item of the current batch; <paramref name="decided"/> when the import also gave it a person's
    /// label (a human annotation or a review), which keeps it out of the undecided set.
    /// </summary>
    public void Add(long itemId, bool decided)
    {
        _added++;
        if (decided)
            return;
        if (_undecided == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _keys, _keys.Length * 2);
        }
        _ids[_undecided] = itemId;
        _keys[_undecided] = SeededRandomStrategy.BaseKey(itemId);
        _undecided++;
    }

    /// <summary>True when a written annotation kind means a person decided the item.</summary>
    public static bool Decides(AnnotationKind kind) => AnnotationKinds.ByPerson.Contains(kind.ToWire());

    /// <summary>Writes what <see cref="Add"/> recorded since the last step; call it before each commit.</summary>
    public async Task AddAsync(CancellationToken ct)
    {
        if (_added == 0)
            return;
        // The order only makes the key index's inserts one ordered walk; the set written is the same in any order.
        Array.Sort(_keys, _ids, 0, _undecided);
        writer.InsertUndecided(_ids.AsSpan(0, _undecided), _keys.AsSpan(0, _undecided));
        await db.Database.ExecuteSqlRawAsync(AddItems, [_added, projectId], ct);
        (_undecided, _added) = (0, 0);
    }
}
