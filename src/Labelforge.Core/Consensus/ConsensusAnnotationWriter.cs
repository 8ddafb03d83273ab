using System.Data.Common;
using System.Globalization;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;

namespace Labelforge.Core.Consensus;

/// <summary>
/// Writes a consensus run's annotations, 16 per statement. The triggers on <c>annotations</c> make every insert a
/// statement that may abort part-way, so SQLite copies each page it first touches to the statement journal: one row per
/// statement journalled about five 16 KB pages per annotation (200,000 of them took 5 s, nearly all of it that
/// journal), while a statement of 16 rows journals the same few pages once. A run's author
/// (<c>consensus:METHOD@RUN</c>) is new, so its annotations supersede nothing and the rows need no per-row lookup of
/// an earlier one; their ids are the statement's consecutive ids ending at the last insert rowid (one writer).
/// </summary>
internal sealed class ConsensusAnnotationWriter : IAsyncDisposable
{
    private const int Rows = 16;
    private const int PerRow = 4;

    private readonly DbCommand _many;
    private readonly DbCommand _labels;
    private readonly DbCommand _lastId;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly List<(long ItemId, long LabelId, double Confidence, string Probabilities)> _pending = new(Rows);
    private readonly long _projectId;
    private readonly string _author;
    private readonly string _kind;
    private readonly int _taxonomyVersion;
    private readonly long _createdAtMs;
    private readonly object _guidelineVersion;

    public ConsensusAnnotationWriter(DbConnection connection, DbTransaction transaction, long projectId, string author, string kind,
        int taxonomyVersion, long createdAtMs)
    {
        (_connection, _transaction, _projectId, _author, _kind, _taxonomyVersion, _createdAtMs) =
            (connection, transaction, projectId, author, kind, taxonomyVersion, createdAtMs);
        using (var guideline = SqlCommands.Create(connection, "SELECT GuidelineVersion FROM projects WHERE Id = @project", "@project"))
        {
            guideline.Transaction = transaction;
            guideline.Parameters[0].Value = projectId;
            _guidelineVersion = guideline.ExecuteScalar() ?? DBNull.Value;
        }
        _many = Insert(Rows);
        _labels = Labels(Rows);
        _lastId = SqlCommands.Create(connection, "SELECT last_insert_rowid()");
        _lastId.Transaction = transaction;
    }

    /// <summary>Queues item <paramref name="itemId"/>'s consensus label; full statements go out as they fill.</summary>
    public void Add(long itemId, long labelId, double confidence, string probabilitiesJson)
    {
        _pending.Add((itemId, labelId, confidence, probabilitiesJson));
        if (_pending.Count == Rows)
            Flush();
    }

    /// <summary>Writes what is queued (a last, shorter statement).</summary>
    public void Flush()
    {
        if (_pending.Count == 0)
            return;
        if (_pending.Count == Rows)
            Write(_many, _labels);
        else
        {
            using var insert = Insert(_pending.Count);
            using var labels = Labels(_pending.Count);
            Write(insert, labels);
        }
        _pending.Clear();
    }

    private void Write(DbCommand insert, DbCommand labels)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            var (itemId, labelId, confidence, probabilities) = _pending[i];
            insert.Parameters[(i * PerRow) + 0].Value = itemId;
            insert.Parameters[(i * PerRow) + 1].Value = AnnotationValueJson.Write(new ClassLabelsValue([labelId]));
            insert.Parameters[(i * PerRow) + 2].Value = confidence;
            insert.Parameters[(i * PerRow) + 3].Value = probabilities;
        }
        insert.ExecuteNonQuery();
        var last = Convert.ToInt64(_lastId.ExecuteScalar(), CultureInfo.InvariantCulture);
        var first = last - _pending.Count + 1;
        for (var i = 0; i < _pending.Count; i++)
        {
            labels.Parameters[(i * 3) + 0].Value = first + i;
            labels.Parameters[(i * 3) + 1].Value = _pending[i].LabelId;
            labels.Parameters[(i * 3) + 2].Value = _pending[i].ItemId;
        }
        labels.ExecuteNonQuery();
    }

    private DbCommand Insert(int rows)
    {
        var names = new List<string>();
        var values = new List<string>();
        for (var i = 0; i < rows; i++)
        {
            names.AddRange([$"@i{i}", $"@l{i}", $"@c{i}", $"@p{i}"]);
            values.Add($"(@project, @i{i}, @author, @kind, @l{i}, @c{i}, @p{i}, @version, @guideline, @created)");
        }
        names.AddRange(["@project", "@author", "@kind", "@version", "@guideline", "@created"]);
        var command = SqlCommands.Create(_connection,
            "INSERT INTO annotations (ProjectId, ItemId, Author, Kind, LabelIdsJson, Confidence, ProbabilitiesJson, TaxonomyVersion, GuidelineVersion, CreatedAt) VALUES " +
            string.Join(", ", values), [.. names]);
        command.Transaction = _transaction;
        var shared = rows * PerRow;
        (command.Parameters[shared].Value, command.Parameters[shared + 1].Value, command.Parameters[shared + 2].Value) = (_projectId, _author, _kind);
        (command.Parameters[shared + 3].Value, command.Parameters[shared + 4].Value, command.Parameters[shared + 5].Value) = (_taxonomyVersion, _guidelineVersion, _createdAtMs);
        return command;
    }

    private DbCommand Labels(int rows)
    {
        var names = new List<string>();
        var values = new List<string>();
        for (var i = 0; i < rows; i++)
        {
            names.AddRange([$"@a{i}", $"@b{i}", $"@t{i}"]);
            values.Add($"(@a{i}, @b{i}, @t{i}, @project)");
        }
        names.Add("@project");
        var command = SqlCommands.Create(_connection,
            "INSERT INTO annotation_labels (AnnotationId, LabelId, ItemId, ProjectId) VALUES " + string.Join(", ", values), [.. names]);
        command.Transaction = _transaction;
        command.Parameters[rows * 3].Value = _projectId;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _many.DisposeAsync();
        await _labels.DisposeAsync();
        await _lastId.DisposeAsync();
    }
}
