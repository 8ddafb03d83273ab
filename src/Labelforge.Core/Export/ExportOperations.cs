using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Labelforge.Core.Annotations;
using Labelforge.Core.Audit;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Privacy;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Export;

/// <summary>
/// Streams a project's items with current labels, or its full annotation history, straight from a data
/// reader: one row in memory at a time, so exports stay flat for any number of items.
/// </summary>
public sealed class ExportOperations(LabelforgeDb db, TaxonomyOperations taxonomy, AuditLog audit, PiiOperations pii)
{
    /// <summary>Streams the export <paramref name="request"/> names into <paramref name="output"/>; returns rows written.</summary>
    public async Task<long> WriteAsync(ExportRequest request, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var rows = await WriteRowsAsync(request, output, ct);
        await audit.WriteAsync(AuditActions.Export, request.ProjectId, request.Format.ToWire(), new { rows, history = request.History, include_model = request.IncludeModel }, ct);
        return rows;
    }

    private async Task<long> WriteRowsAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), request.ProjectId, ct);
        var masker = await pii.MaskerAsync(project.Id, request.Unmasked, ct);
        // The one switch on the task type of exports: span projects have their own formats and writers.
        if (TaskTypes.ValueKind(project.TaskType) == AnnotationValueKind.Spans)
            return await SpanExport.WriteAsync(db, taxonomy, project, request.Format, output, request.Control ?? ProjectControl(project), masker, ct);
        if (TaskTypes.ValueKind(project.TaskType) == AnnotationValueKind.Objects)
            return await ObjectExport.WriteAsync(db, taxonomy, project, request.Format, output, request.Control ?? ObjectControl(project), ct);
        if (request.Format is ExportFormat.Coco or ExportFormat.Voc or ExportFormat.Yolo)
            throw LabelforgeException.Invalid($"{request.Format.ToWire()} exports hold image objects; project '{project.Name}' is {project.TaskType}.");
        if (request.Format is ExportFormat.Conll or ExportFormat.SpacyJsonl)
            throw LabelforgeException.Invalid($"{request.Format.ToWire()} exports hold spans; project '{project.Name}' is {project.TaskType}.");
        if (request.History)
            return await ExportWriters.WriteEventsAsync(output, request.Format, EventsAsync(request.ProjectId, ct), ExportOptions.Default, ct);
        var control = request.Control ?? ProjectControl(project);
        var options = ExportOptions.Default with
        {
            LabelStudioFromName = control.FromName,
            LabelStudioToName = control.ToName,
            LabelStudioAddTextKey = control == LabelStudioControl.Default,
        };
        using var items = await OpenItemsAsync(request.ProjectId, request.IncludeModel, request.Resolve, ct);
        if (masker.IsEmpty)
            return await ExportWriters.WriteStoredItemsAsync(output, request.Format, items, options, ct);
        // Masked rows take the writers' general path: the stored bytes cannot be copied as they are.
        var masked = items.Items(ct).Select(i =>
        {
            var text = masker.Text(i.Text);
            return i with { ExternalId = masker.ExternalId(i.ExternalId), Text = text, DataJson = masker.DocumentJson(i.DataJson, i.Text, text) };
        });
        return await ExportWriters.WriteItemsAsync(output, request.Format, masked.ToAsyncEnumerable(), options, ct);
    }

    /// <summary>
    /// Writes a folder export (voc, yolo: one annotation file per annotated image) of an image-objects project into
    /// <paramref name="folder"/> (created when missing; files of the same names are replaced); returns files written.
    /// </summary>
    public async Task<long> WriteFolderAsync(ExportRequest request, string folder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var project = await RequireProject.FindAsync(db.Projects.AsNoTracking(), request.ProjectId, ct);
        if (TaskTypes.ValueKind(project.TaskType) != AnnotationValueKind.Objects)
            throw LabelforgeException.Invalid($"{request.Format.ToWire()} exports hold image objects; project '{project.Name}' is {project.TaskType}.");
        return await ObjectExport.WriteFolderAsync(db, taxonomy, project, request.Format, folder, ct);
    }

    /// <summary>An image-objects project's Label Studio names: its own, else the object-detection template's ("label" → "image").</summary>
    private static LabelStudioControl ObjectControl(Project project) =>
        project is { LabelStudioFromName: { } from, LabelStudioToName: { } to } ? new LabelStudioControl(from, to) : new LabelStudioControl("label", "image");

    /// <summary>The project's Label Studio control names: the ones an import brought, else the template's default for its task type.</summary>
    private static LabelStudioControl ProjectControl(Project project)
    {
        if (project is { LabelStudioFromName: { } from, LabelStudioToName: { } to })
            return new LabelStudioControl(from, to);
        // An image item's document already has the "image" key the image template reads ($image).
        return project.TaskType == TaskTypes.ImageClassification ? LabelStudioControl.DefaultImage : LabelStudioControl.Default;
    }

    /// <summary>
    /// Items with their current labels. A model's pre-label is a suggestion, not the item's label: it is listed by
    /// author but joins <see cref="ExportItem.Labels"/> only with <paramref name="includeModel"/>.
    /// </summary>
    public async IAsyncEnumerable<ExportItem> ItemsAsync(long projectId, bool includeModel = false, ExportResolve resolve = ExportResolve.All,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var cursor = await OpenItemsAsync(projectId, includeModel, resolve, ct);
        foreach (var item in cursor.Items(ct))
            yield return item;
    }

    /// <summary>The items in their stored form as UTF-8 (<see cref="ExportItemCursor"/>), for writers that compose documents themselves.</summary>
    internal async Task<ExportItemCursor> OpenItemsAsync(long projectId, bool includeModel, ExportResolve resolve, CancellationToken ct)
    {
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
        var connection = await OpenConnectionAsync(projectId, ct);
        return new ExportItemCursor(Utf8RowReaders.Open(db, ExportItemCursor.ItemsSql, projectId),
            () => CurrentAnnotationStream.Open(connection, projectId, resolver), includeModel, resolve);
    }

    public async IAsyncEnumerable<ExportEvent> EventsAsync(long projectId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var resolver = await taxonomy.ResolverAsync(projectId, ct);
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
        var connection = await OpenConnectionAsync(projectId, ct);
        var command = SqlCommands.Create(connection, sql, "@project");
        command.Parameters["@project"].Value = projectId;
        return command;
    }

    /// <summary>The context's connection, opened, after checking that the project exists.</summary>
    private async Task<DbConnection> OpenConnectionAsync(long projectId, CancellationToken ct)
    {
        await RequireProject.ExistsAsync(db, projectId, ct);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
        return connection;
    }
}
