using System.Data.Common;
using Labelforge.Core.Common;
using Labelforge.Core.Taxonomy;

namespace Labelforge.Core.Export;

/// <summary>
/// A project's current annotations (latest per item and author) in item id order, read beside the items and merged
/// with them by id (<see cref="ExportItemCursor"/>). It walks the annotations' (ItemId, Author, Id) index over the
/// project's id range, so its cost follows the number of annotations; a join per item probed that index once for
/// every item, labeled or not. The unary plus keeps the planner off the (ProjectId, Id) index, which would need a
/// sort by item. Annotations of other projects' items in that range are read and dropped by the merge.
/// </summary>
internal sealed class CurrentAnnotationStream : IDisposable
{
    private const string Sql =
        "SELECT a.ItemId, a.Author, a.Kind, a.LabelIdsJson, a.Confidence, a.Id, a.CreatedAt, a.TimeSpentMs FROM annotations a " +
        "WHERE a.ItemId BETWEEN (SELECT MIN(Id) FROM items WHERE ProjectId = @project) AND (SELECT MAX(Id) FROM items WHERE ProjectId = @project) " +
        "AND +a.ProjectId = @project AND NOT EXISTS " +
        "(SELECT 1 FROM annotations b WHERE b.ItemId = a.ItemId AND b.Author = a.Author AND b.Id > a.Id) ORDER BY a.ItemId";

    private readonly DbCommand _command;
    private readonly DbDataReader _reader;
    private readonly LabelResolver _resolver;
    private bool _hasRow;

    private CurrentAnnotationStream(DbCommand command, LabelResolver resolver)
    {
        (_command, _resolver) = (command, resolver);
        _reader = command.ExecuteReader();
        _hasRow = _reader.Read();
    }

    /// <summary>Starts the query on <paramref name="connection"/> (open; on SQLite it joins the read snapshot of a statement already stepping there).</summary>
    public static CurrentAnnotationStream Open(DbConnection connection, long projectId, LabelResolver resolver)
    {
        var command = SqlCommands.Create(connection, Sql, "@project");
        command.Parameters["@project"].Value = projectId;
        return new CurrentAnnotationStream(command, resolver);
    }

    /// <summary>Adds the current annotations of <paramref name="itemId"/> (with their ids) to <paramref name="into"/>; ids must come ascending.</summary>
    public void Take(long itemId, List<(long Id, ExportAuthorLabels Labels)> into)
    {
        while (_hasRow && _reader.GetInt64(0) < itemId)
            _hasRow = _reader.Read();
        while (_hasRow && _reader.GetInt64(0) == itemId)
        {
            var ids = JsonIds.Read(_reader.GetString(3));
            into.Add((_reader.GetInt64(5), new ExportAuthorLabels(_reader.GetString(1), _reader.GetString(2), _resolver.Lookup.References(ids),
                _reader.IsDBNull(4) ? null : _reader.GetDouble(4), DateTimeOffset.FromUnixTimeMilliseconds(_reader.GetInt64(6)),
                _reader.IsDBNull(7) ? null : _reader.GetInt64(7))));
            _hasRow = _reader.Read();
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _command.Dispose();
    }
}
