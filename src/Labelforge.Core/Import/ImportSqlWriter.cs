using System.Data.Common;
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
    private readonly DbCommand _annotation;
    private readonly DbCommand _label;

    public ImportSqlWriter(DbConnection connection, long projectId, long batchId, long createdAtMs)
    {
        _item = Command(connection,
            "INSERT INTO items (ProjectId, ExternalId, ContentHash, Text, DataJson, ImportBatchId, CreatedAt) " +
            "VALUES (@project, @external, @hash, @text, @data, @batch, @created) ON CONFLICT DO NOTHING",
            "@project", "@external", "@hash", "@text", "@data", "@batch", "@created");
        _itemId = Command(connection, "SELECT Id FROM items WHERE ProjectId = @project AND ContentHash = @hash", "@project", "@hash");
        _itemId.Parameters["@project"].Value = projectId;
        _annotation = Command(connection,
            "INSERT INTO annotations (ProjectId, ItemId, Author, Kind, LabelIdsJson, Confidence, TaxonomyVersion, CreatedAt) " +
            "VALUES (@project, @item, @author, @kind, @labels, @confidence, @version, @created) RETURNING Id",
            "@project", "@item", "@author", "@kind", "@labels", "@confidence", "@version", "@created");
        _label = Command(connection,
            "INSERT INTO annotation_labels (AnnotationId, LabelId, ItemId, ProjectId) VALUES (@annotation, @label, @item, @project)",
            "@annotation", "@label", "@item", "@project");
        _item.Parameters["@project"].Value = projectId;
        _item.Parameters["@batch"].Value = batchId;
        _item.Parameters["@created"].Value = createdAtMs;
        _annotation.Parameters["@project"].Value = projectId;
        _annotation.Parameters["@created"].Value = createdAtMs;
        _label.Parameters["@project"].Value = projectId;
    }

    public DbTransaction? Transaction
    {
        set
        {
            _item.Transaction = value;
            _itemId.Transaction = value;
            _annotation.Transaction = value;
            _label.Transaction = value;
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

    public async Task InsertAnnotationAsync(long itemId, string author, string kind, IReadOnlyList<long> labelIds, double? confidence, int taxonomyVersion, CancellationToken ct)
    {
        _annotation.Parameters["@item"].Value = itemId;
        _annotation.Parameters["@author"].Value = author;
        _annotation.Parameters["@kind"].Value = kind;
        _annotation.Parameters["@labels"].Value = JsonIds.Write(labelIds);
        _annotation.Parameters["@confidence"].Value = (object?)confidence ?? DBNull.Value;
        _annotation.Parameters["@version"].Value = taxonomyVersion;
        var annotationId = Convert.ToInt64(await _annotation.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        _label.Parameters["@annotation"].Value = annotationId;
        _label.Parameters["@item"].Value = itemId;
        foreach (var label in labelIds)
        {
            _label.Parameters["@label"].Value = label;
            await _label.ExecuteNonQueryAsync(ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _item.DisposeAsync();
        await _itemId.DisposeAsync();
        await _annotation.DisposeAsync();
        await _label.DisposeAsync();
    }

    private static DbCommand Command(DbConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // constant SQL; values go through parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        return command;
    }
}
