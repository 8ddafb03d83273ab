using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Data;

/// <summary>Opens an <see cref="IUtf8RowReader"/>: the store's own when it registered one, else <see cref="AdoUtf8RowReader"/>.</summary>
internal static class Utf8RowReaders
{
    /// <summary>A reader of <paramref name="sql"/> (one parameter, <c>@project</c>) on <paramref name="db"/>'s open connection.</summary>
    public static IUtf8RowReader Open(LabelforgeDb db, string sql, long projectId)
    {
        var connection = db.Database.GetDbConnection();
        return Utf8RowReaderOptionsExtension.Find(db)?.Create(connection, sql, projectId)
            ?? AdoUtf8RowReader.Open(connection, sql, projectId);
    }
}
