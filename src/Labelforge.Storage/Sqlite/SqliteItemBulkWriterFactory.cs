using System.Data.Common;
using Labelforge.Core.Import;
using Microsoft.Data.Sqlite;

namespace Labelforge.Storage.Sqlite;

/// <summary>Gives imports on a SQLite connection the <see cref="SqliteItemBulkWriter"/>; other providers keep the generic writer.</summary>
internal sealed class SqliteItemBulkWriterFactory(int rowsPerStatement) : IItemBulkWriterFactory
{
    public const int DefaultRows = 16;

    public static SqliteItemBulkWriterFactory Instance { get; } = new(DefaultRows);

    public IItemBulkWriter? Create(DbConnection connection, long projectId, long batchId, long createdAtMs) =>
        connection is SqliteConnection sqlite ? new SqliteItemBulkWriter(sqlite, rowsPerStatement, projectId, batchId, createdAtMs) : null;
}
