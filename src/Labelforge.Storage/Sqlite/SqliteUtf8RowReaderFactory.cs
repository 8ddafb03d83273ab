using System.Data.Common;
using Labelforge.Core.Data;
using Microsoft.Data.Sqlite;

namespace Labelforge.Storage.Sqlite;

/// <summary>Gives readers on a SQLite connection the <see cref="SqliteUtf8RowReader"/>; other providers keep the generic one.</summary>
internal sealed class SqliteUtf8RowReaderFactory : IUtf8RowReaderFactory
{
    public static SqliteUtf8RowReaderFactory Instance { get; } = new();

    public IUtf8RowReader? Create(DbConnection connection, string sql, long projectId) =>
        connection is SqliteConnection sqlite ? new SqliteUtf8RowReader(sqlite, sql, projectId) : null;
}
