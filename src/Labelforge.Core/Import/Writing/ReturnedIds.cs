namespace Labelforge.Core.Import.Writing;

/// <summary>Places the rows a multi-row INSERT ... RETURNING Id, ContentKey gave back onto the rows that were sent.</summary>
public static class ReturnedIds
{
    /// <summary>
    /// Stores <paramref name="id"/> at the sent row with content key <paramref name="key"/> (unique within a
    /// statement; a single-row statement needs no key) and returns where to look next: rows usually come back in order.
    /// </summary>
    public static int Match(ReadOnlySpan<ItemRow> rows, Span<long> ids, long id, long? key, int cursor)
    {
        if (rows.Length == 1)
        {
            ids[0] = id;
            return 0;
        }
        for (var n = 0; n < rows.Length; n++)
        {
            var i = (cursor + n) % rows.Length;
            if (ids[i] == 0 && rows[i].ContentKey == key)
            {
                ids[i] = id;
                return i + 1;
            }
        }
        throw new InvalidOperationException($"the database returned item {id} with a content key that was not in the statement");
    }
}
