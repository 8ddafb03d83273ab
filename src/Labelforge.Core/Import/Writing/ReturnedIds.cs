namespace Labelforge.Core.Import.Writing;

/// <summary>Places the rows a multi-row INSERT ... RETURNING Id, ExternalId, ContentKey gave back onto the rows that were sent.</summary>
public static class ReturnedIds
{
    /// <summary>
    /// Stores <paramref name="id"/> at the sent row that came back as (<paramref name="externalId"/>,
    /// <paramref name="key"/>). A row with an external id is matched by it, any other by its content key: each is
    /// unique among the rows a statement inserted, and of several sent rows with the same identity the database keeps
    /// the first (the later ones are ignored), so the earliest unmatched one is the row that went in, whatever order the
    /// rows come back in.
    /// </summary>
    public static void Match(ReadOnlySpan<ItemRow> rows, Span<long> ids, long id, string? externalId, long? key)
    {
        if (rows.Length == 1)
        {
            ids[0] = id;
            return;
        }
        for (var i = 0; i < rows.Length; i++)
        {
            if (ids[i] != 0)
                continue;
            var same = externalId is not null
                ? string.Equals(rows[i].ExternalId, externalId, StringComparison.Ordinal)
                : rows[i].ExternalId is null && rows[i].ContentKey == key;
            if (same)
            {
                ids[i] = id;
                return;
            }
        }
        throw new InvalidOperationException($"the database returned item {id} with an identity that was not in the statement");
    }
}
