using Labelforge.Core.Annotations;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Writing;
using Labelforge.Core.Queues;
using Labelforge.Core.Queues.Strategies;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Counts;

/// <summary>
/// Adds the items an import stored to the maintained state (<c>undecided_items</c>, <c>undecided_ranges</c>,
/// <c>project_counts.Items</c>) once per batch, in the batch's own transaction. Imports are the only writer of items; a
/// per-row trigger did the same work at about twice the import's cost, so items are the one table the store's triggers
/// leave to this step (deletes and every annotation write stay with the triggers). The import tells this step each new
/// id as the writer returns it, so nothing of the batch is read back: the undecided rows go in sorted by random key
/// through the bulk writer's prepared statement (one ordered walk of that b-tree), each run of consecutive ids becomes
/// one range of the import order (one row per batch when no row was a duplicate or labeled by a person), and the count
/// moves by the number of new ids.
/// <para>In a project whose items need more than one annotator (<see cref="QueueSettings.BaseOverlap"/> above one, or
/// adaptive overlap) a person's label does not by itself take an item out of the queue: such items go into the set too,
/// and an <c>item_overlaps</c> row written for each asks the store to decide them by their labels (its triggers).</para>
/// </summary>
internal sealed class ImportedItemsState(LabelforgeDb db, ImportSqlWriter writer, long projectId, QueueSettings? settings = null)
{
    private const string AddItems = "UPDATE project_counts SET Items = Items + {0} WHERE ProjectId = {1}";
    private const string Redecide = "INSERT INTO item_overlaps (ItemId, ProjectId, Needed) VALUES ({0}, {1}, {2}) " +
        "ON CONFLICT (ItemId) DO UPDATE SET Needed = excluded.Needed";

    private readonly bool _overlap = settings is not null && (settings.OverlapMode == QueueSettings.AdaptiveOverlap || settings.Overlap > 1);
    private readonly List<long> _labeled = [];

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
        if (decided && _overlap)
            _labeled.Add(itemId);
        else if (decided)
            return;
        if (_undecided == _ids.Length)
        {
            Array.Resize(ref _ids, _ids.Length * 2);
            Array.Resize(ref _keys, _keys.Length * 2);
        }
        _ids[_undecided++] = itemId;
    }

    /// <summary>True when a written annotation kind means a person decided the item.</summary>
    public static bool Decides(AnnotationKind kind) => AnnotationKinds.ByPerson.Contains(kind.ToWire());

    /// <summary>Writes what <see cref="Add"/> recorded since the last step; call it before each commit.</summary>
    public async Task AddAsync(CancellationToken ct)
    {
        if (_added == 0)
            return;
        // Ids mostly arrive ascending; a content-key collision stored after its statement comes later, out of order.
        Array.Sort(_ids, 0, _undecided);
        WriteRanges(_ids.AsSpan(0, _undecided));
        for (var i = 0; i < _undecided; i++)
            _keys[i] = SeededRandomStrategy.BaseKey(_ids[i]);
        // The order only makes the key b-tree's inserts one ordered walk; the set written is the same in any order.
        Array.Sort(_keys, _ids, 0, _undecided);
        writer.InsertUndecided(_ids.AsSpan(0, _undecided), _keys.AsSpan(0, _undecided));
        await db.Database.ExecuteSqlRawAsync(AddItems, [_added, projectId], ct);
        foreach (var id in _labeled)
            await db.Database.ExecuteSqlRawAsync(Redecide, [id, projectId, settings!.MinOverlap], ct);
        _labeled.Clear();
        (_undecided, _added) = (0, 0);
    }

    /// <summary>One range per run of consecutive ids in <paramref name="sorted"/>, which holds no id twice.</summary>
    private void WriteRanges(ReadOnlySpan<long> sorted)
    {
        var first = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i < sorted.Length && sorted[i] == sorted[i - 1] + 1)
                continue;
            writer.InsertUndecidedRange(sorted[first], sorted[i - 1]);
            first = i;
        }
    }
}
