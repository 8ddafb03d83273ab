using System.Data.Common;

namespace Labelforge.Core.Import.Writing;

/// <summary>
/// Writes import items with INSERT OR IGNORE on the import's connection, inside whatever transaction is open on
/// it (batch transactions and strict rollback stay with the caller). <see cref="ImportSqlWriter"/> decides about
/// the rows that were ignored. The generic ADO.NET writer is the fallback; a store may supply a faster one for
/// its provider through <see cref="IItemBulkWriterFactory"/>.
/// </summary>
public interface IItemBulkWriter : IDisposable
{
    /// <summary>How many rows the writer takes at once for a full statement; it also takes a single row.</summary>
    int RowsPerStatement { get; }

    /// <summary>The import's current transaction, for providers whose commands must name it.</summary>
    DbTransaction? Transaction { set; }

    /// <summary>
    /// Inserts <paramref name="rows"/> (one row, or exactly <see cref="RowsPerStatement"/>); <paramref name="ids"/>
    /// gets each row's new id, or 0 when the row was ignored (its external id or content key already exists).
    /// </summary>
    void Insert(ReadOnlySpan<ItemRow> rows, Span<long> ids);

    /// <summary>
    /// Adds new items to the undecided set (<c>undecided_items</c>) with their seeded-random keys, in the order given:
    /// the import passes a batch sorted by key, so the key index takes it as one ordered walk. INSERT OR IGNORE, like the
    /// items: a multi-row statement that may abort makes SQLite keep a statement journal of every page it touches.
    /// </summary>
    void InsertUndecided(ReadOnlySpan<long> itemIds, ReadOnlySpan<long> randomKeys);

    /// <summary>
    /// Adds a run of new undecided items to the import order (<c>undecided_ranges</c>): every item of the project with an
    /// id from <paramref name="firstId"/> to <paramref name="lastId"/> must be one <see cref="InsertUndecided"/> adds.
    /// </summary>
    void InsertUndecidedRange(long firstId, long lastId);
}
