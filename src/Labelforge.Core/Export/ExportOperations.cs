using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Export;

/// <summary>
/// Streams a project's items with current labels, or its full annotation history, straight from a data
/// reader: one row in memory at a time, so exports stay flat for any number of items.
/// </summary>
public sealed class ExportOperations(LabelforgeDb db, TimeProvider time)
{
    /// <summary>
    /// Items with their current labels. A model's pre-label is a suggestion, not the item's label: it is listed by
    /// author but joins <see cref="ExportItem.Labels"/> only with <paramref name="includeModel"/>.
    /// </summary>
    public IAsyncEnumerable<ExportItem> ItemsAsync(long projectId, bool includeModel = false, CancellationToken ct = default) =>
        ItemRowsAsync(projectId, includeModel, ct).Select(static r => r.ToItem());

    /// <summary>The items in their stored form (<see cref="ExportItemRow"/>), for writers that compose documents themselves.</summary>
    internal async IAsyncEnumerable<ExportItemRow> ItemRowsAsync(long projectId, bool includeModel, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var resolver = await new TaxonomyOperations(db, time).ResolverAsync(projectId, ct);
        // Ordered by item only: rows of one item are then adjacent, and its few current annotations are put in id order
        // here. Ordering by a.Id in SQL as well made SQLite run a sorter per item (a third of the query's time).
        await using var command = await CommandAsync(
            "SELECT i.Id, i.ExternalId, i.Text, i.DataJson, a.Author, a.Kind, a.LabelIdsJson, a.Confidence, i.TextSlot, a.Id, a.CreatedAt, a.TimeSpentMs " +
            "FROM items i LEFT JOIN annotations a ON a.ItemId = i.Id AND NOT EXISTS " +
            "(SELECT 1 FROM annotations b WHERE b.ItemId = a.ItemId AND b.Author = a.Author AND b.Id > a.Id) " +
            "WHERE i.ProjectId = @project ORDER BY i.Id", projectId, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        ExportItemRow? pending = null;
        List<(long Id, ExportAuthorLabels Labels)> authors = [];
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt64(0);
            if (pending is not null && pending.ItemId != id)
            {
                yield return Finish(pending, authors, includeModel);
                authors.Clear();
            }
            if (pending is null || pending.ItemId != id)
            {
                pending = new ExportItemRow(id, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8), [], []);
            }
            if (!reader.IsDBNull(4))
            {
                var ids = JsonIds.Read(reader.GetString(6));
                authors.Add((reader.GetInt64(9), new ExportAuthorLabels(reader.GetString(4), reader.GetString(5), resolver.Lookup.References(ids),
                    reader.IsDBNull(7) ? null : reader.GetDouble(7), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                    reader.IsDBNull(11) ? null : reader.GetInt64(11))));
            }
        }
        if (pending is not null)
            yield return Finish(pending, authors, includeModel);
    }

    public async IAsyncEnumerable<ExportEvent> EventsAsync(long projectId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var resolver = await new TaxonomyOperations(db, time).ResolverAsync(projectId, ct);
        await using var command = await CommandAsync(
            "SELECT a.Id, a.ItemId, i.ExternalId, a.Author, a.Kind, a.LabelIdsJson, a.Confidence, a.ProbabilitiesJson, " +
            "a.TaxonomyVersion, a.TimeSpentMs, a.CreatedAt, a.SupersedesId, a.SuggestionAnnotationId, a.SuggestionOutcome " +
            "FROM annotations a JOIN items i ON i.Id = a.ItemId WHERE a.ProjectId = @project ORDER BY a.Id", projectId, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return new ExportEvent(
                reader.GetInt64(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.GetString(3), reader.GetString(4), resolver.Lookup.References(JsonIds.Read(reader.GetString(5))),
                reader.IsDBNull(6) ? null : reader.GetDouble(6),
                reader.IsDBNull(7) ? null : Probabilities(reader.GetString(7), resolver),
                reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetInt64(9),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                reader.IsDBNull(11) ? null : reader.GetInt64(11),
                reader.IsDBNull(12) ? null : reader.GetInt64(12),
                reader.IsDBNull(13) ? null : reader.GetString(13));
        }
    }

    private static readonly string ModelKind = AnnotationKind.Model.ToWire();

    /// <summary>
    /// The item with its authors in annotation id order and the union of their labels in that order; a model's
    /// pre-label joins the union only with <paramref name="includeModel"/>.
    /// </summary>
    private static ExportItemRow Finish(ExportItemRow item, List<(long Id, ExportAuthorLabels Labels)> authors, bool includeModel)
    {
        if (authors.Count == 0)
            return item;
        authors.Sort(static (a, b) => a.Id.CompareTo(b.Id));
        var byAuthor = new ExportAuthorLabels[authors.Count];
        var labels = new List<string>();
        for (var i = 0; i < authors.Count; i++)
        {
            byAuthor[i] = authors[i].Labels;
            if (!includeModel && byAuthor[i].Kind == ModelKind)
                continue;
            foreach (var name in byAuthor[i].Labels)
            {
                if (!labels.Contains(name))
                    labels.Add(name);
            }
        }
        return item with { Labels = labels, ByAuthor = byAuthor };
    }

    private static Dictionary<string, double> Probabilities(string json, LabelResolver resolver)
    {
        var byId = ProbabilityJson.ReadRaw(json);
        var result = new Dictionary<string, double>();
        foreach (var (key, p) in byId)
        {
            var name = long.TryParse(key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? resolver.Lookup.ReferenceOf(id) : key;
            result[name] = result.GetValueOrDefault(name) + p;
        }
        return result;
    }

    private async Task<DbCommand> CommandAsync(string sql, long projectId, CancellationToken ct)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct))
            throw LabelforgeException.NotFound($"No project with id {projectId}.");
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        var command = SqlCommands.Create(connection, sql, "@project");
        command.Parameters["@project"].Value = projectId;
        return command;
    }
}
