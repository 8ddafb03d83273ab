using System.Data.Common;
using System.Globalization;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;

namespace Labelforge.Core.Import;

/// <summary>
/// Prepared statements for the import hot path. Items go in <see cref="RowsPerStatement"/> rows per INSERT
/// (one statement's fixed cost, parameter binding of the shared values and a single step per 16 rows instead of
/// per row), and RETURNING tells which rows went in; a row that did not is resolved by
/// <see cref="ImportDuplicateResolver"/> (true duplicate, or a content-key collision stored under the full hash).
/// INSERT OR IGNORE rather than ON CONFLICT DO NOTHING: only when no constraint can abort the statement (with
/// foreign keys off, see <see cref="ImportConnection"/>) does SQLite skip the statement journal, which otherwise
/// copies every page a multi-row statement touches. EF change tracking would cost more than the insert itself.
/// Synchronous on purpose: the ADO.NET SQLite provider has no real async I/O, and its async wrappers halve the
/// throughput of this loop.
/// </summary>
internal sealed class ImportSqlWriter : IAsyncDisposable
{
    /// <summary>
    /// 16 rows x 5 values: the fixed cost per statement is spread thin, while the provider binds every parameter
    /// by name on every run (a UTF-8 copy of the name plus a linear search over the statement's names), a cost per
    /// row that grows with the statement; 16 measured about 10 % less CPU per row than 32.
    /// </summary>
    public const int RowsPerStatement = 16;

    internal const int Shared = 3;
    private const int PerRow = 5;

    private readonly DbCommand _many;
    private readonly DbCommand _one;
    private readonly ImportDuplicateResolver _duplicates;
    private readonly AnnotationBulkWriter _annotations;
    private readonly List<PendingItem> _pending = new(RowsPerStatement);
    private readonly List<(PendingItem Item, long Id)> _done = new(RowsPerStatement);
    private readonly long[] _ids = new long[RowsPerStatement];

    public ImportSqlWriter(DbConnection connection, long projectId, long batchId, long createdAtMs)
    {
        _many = InsertCommand(connection, RowsPerStatement, projectId, batchId, createdAtMs);
        _one = InsertCommand(connection, 1, projectId, batchId, createdAtMs);
        _duplicates = new ImportDuplicateResolver(connection, projectId);
        _annotations = new AnnotationBulkWriter(connection, projectId, createdAtMs);
    }

    public DbTransaction? Transaction
    {
        set
        {
            _many.Transaction = value;
            _one.Transaction = value;
            _duplicates.Transaction = value;
            _annotations.Transaction = value;
        }
    }

    /// <summary>Queues an item; true when a full statement is waiting and the caller should <see cref="Flush"/>.</summary>
    public bool Add(PendingItem item)
    {
        _pending.Add(item);
        return _pending.Count == RowsPerStatement;
    }

    /// <summary>
    /// Writes the queued items and returns each with its new id, or 0 when it was a duplicate (an item with the
    /// same external id or the same content exists, including one earlier in this import). The list is reused.
    /// </summary>
    public IReadOnlyList<(PendingItem Item, long Id)> Flush()
    {
        _done.Clear();
        if (_pending.Count == RowsPerStatement)
            InsertMany();
        else
        {
            foreach (var item in _pending)
                _done.Add((item, InsertOne(item)));
        }
        _pending.Clear();
        return _done;
    }

    public void InsertAnnotation(long itemId, string author, string kind, IReadOnlyList<long> labelIds, double? confidence, int taxonomyVersion) =>
        _annotations.Insert(itemId, author, kind, labelIds, confidence, null, taxonomyVersion);

    private void InsertMany()
    {
        var parameters = _many.Parameters;
        for (var i = 0; i < RowsPerStatement; i++)
        {
            Bind(parameters, Shared + (i * PerRow), _pending[i], ContentHash.Key(_pending[i].Hash));
            _ids[i] = 0;
        }
        using (var reader = _many.ExecuteReader())
        {
            var cursor = 0;
            while (reader.Read())
                cursor = Match(reader.GetInt64(0), reader.GetInt64(1), cursor);
        }
        for (var i = 0; i < RowsPerStatement; i++)
        {
            var item = _pending[i];
            _done.Add((item, _ids[i] != 0 ? _ids[i] : _duplicates.Resolve(item, _one)));
        }
    }

    /// <summary>Finds the queued row a RETURNING row belongs to by its content key (unique within the statement); rows usually come back in order.</summary>
    private int Match(long id, long key, int cursor)
    {
        for (var n = 0; n < RowsPerStatement; n++)
        {
            var i = (cursor + n) % RowsPerStatement;
            if (_ids[i] == 0 && ContentHash.Key(_pending[i].Hash) == key)
            {
                _ids[i] = id;
                return i + 1;
            }
        }
        throw new InvalidOperationException($"the database returned item {id} with a content key that was not in the statement");
    }

    private long InsertOne(PendingItem item)
    {
        Bind(_one.Parameters, Shared, item, ContentHash.Key(item.Hash));
        var id = _one.ExecuteScalar();
        return id is null or DBNull ? _duplicates.Resolve(item, _one) : Convert.ToInt64(id, CultureInfo.InvariantCulture);
    }

    /// <summary>Sets one row's values; <paramref name="key"/> null stores the item under its full hash only (a key collision).</summary>
    internal static void Bind(DbParameterCollection parameters, int first, PendingItem item, long? key)
    {
        parameters[first].Value = (object?)item.Record.ExternalId ?? DBNull.Value;
        parameters[first + 1].Value = item.Hash;
        parameters[first + 2].Value = (object?)key ?? DBNull.Value;
        parameters[first + 3].Value = item.Record.Text;
        parameters[first + 4].Value = item.Record.DataJson;
    }

    private static DbCommand InsertCommand(DbConnection connection, int rows, long projectId, long batchId, long createdAtMs)
    {
        var names = new List<string> { "@project", "@batch", "@created" };
        var values = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            string[] row = [$"@e{i}", $"@h{i}", $"@k{i}", $"@t{i}", $"@d{i}"];
            names.AddRange(row);
            values.Add($"(@project, {string.Join(", ", row)}, @batch, @created)");
        }
        var command = SqlCommands.Create(connection,
            "INSERT OR IGNORE INTO items (ProjectId, ExternalId, ContentHash, ContentKey, Text, DataJson, ImportBatchId, CreatedAt) VALUES " +
            string.Join(", ", values) + " RETURNING Id, ContentKey",
            [.. names]);
        command.Parameters[0].Value = projectId;
        command.Parameters[1].Value = batchId;
        command.Parameters[2].Value = createdAtMs;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _many.DisposeAsync();
        await _one.DisposeAsync();
        await _duplicates.DisposeAsync();
        await _annotations.DisposeAsync();
    }
}
