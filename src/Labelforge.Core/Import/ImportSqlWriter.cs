using System.Data.Common;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;

namespace Labelforge.Core.Import;

/// <summary>
/// Prepared statements for the import hot path: items with ON CONFLICT DO NOTHING (external id or content
/// hash already present means a skipped duplicate), their pre-annotations and label rows. Plain SQL that
/// SQLite and PostgreSQL both accept; EF change tracking would cost more than the insert itself.
/// </summary>
internal sealed class ImportSqlWriter : IAsyncDisposable
{
    private readonly DbCommand _item;
    private readonly DbCommand _itemId;
    private readonly AnnotationBulkWriter _annotations;

    public ImportSqlWriter(DbConnection connection, long projectId, long batchId, long createdAtMs)
    {
        _item = SqlCommands.Create(connection,
            "INSERT INTO items (ProjectId, ExternalId, ContentHash, Text, DataJson, ImportBatchId, CreatedAt) " +
            "VALUES (@project, @external, @hash, @text, @data, @batch, @created) ON CONFLICT DO NOTHING",
            "@project", "@external", "@hash", "@text", "@data", "@batch", "@created");
        _itemId = SqlCommands.Create(connection, "SELECT Id FROM items WHERE ProjectId = @project AND ContentHash = @hash", "@project", "@hash");
        _itemId.Parameters["@project"].Value = projectId;
        _annotations = new AnnotationBulkWriter(connection, projectId, createdAtMs);
        _item.Parameters["@project"].Value = projectId;
        _item.Parameters["@batch"].Value = batchId;
        _item.Parameters["@created"].Value = createdAtMs;
    }

    public DbTransaction? Transaction
    {
        set
        {
            _item.Transaction = value;
            _itemId.Transaction = value;
            _annotations.Transaction = value;
        }
    }

    /// <summary>
    /// Inserts an item; false when an item with the same external id or content already exists.
    /// Synchronous on purpose: the ADO.NET SQLite provider has no real async I/O, and its async wrappers
    /// halve the throughput of this loop.
    /// </summary>
    public bool InsertItem(ImportRecord record, byte[] hash)
    {
        _item.Parameters["@external"].Value = (object?)record.ExternalId ?? DBNull.Value;
        _item.Parameters["@hash"].Value = hash;
        _item.Parameters["@text"].Value = record.Text;
        _item.Parameters["@data"].Value = record.DataJson;
        return _item.ExecuteNonQuery() > 0;
    }

    /// <summary>The id of the item just inserted, found by its content hash (only needed when it has annotations).</summary>
    public long ItemId(byte[] hash)
    {
        _itemId.Parameters["@hash"].Value = hash;
        return Convert.ToInt64(_itemId.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void InsertAnnotation(long itemId, string author, string kind, IReadOnlyList<long> labelIds, double? confidence, int taxonomyVersion) =>
        _annotations.Insert(itemId, author, kind, labelIds, confidence, null, taxonomyVersion);

    public async ValueTask DisposeAsync()
    {
        await _item.DisposeAsync();
        await _itemId.DisposeAsync();
        await _annotations.DisposeAsync();
    }
}
