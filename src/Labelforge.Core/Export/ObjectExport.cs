using System.Runtime.CompilerServices;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import.Readers.LabelStudio;
using Labelforge.Core.Items;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Export;

/// <summary>
/// Exports of image-objects projects: each item (in import order) with the objects of its latest given annotation (a
/// person's, an imported one or a reviewer's, <see cref="GivenLabels"/>), as one COCO file or Label Studio JSON (to a
/// stream), or a folder of Pascal VOC XML or YOLO txt files (annotated items only; the images stay in the media store),
/// written into a folder (the CLI) or streamed as a zip of that folder (a download from the server).
/// Items stream from the database; only the given annotations' values are read ahead, one small row per item.
/// </summary>
internal static class ObjectExport
{
    public static readonly ExportFormat[] Formats = [ExportFormat.Coco, ExportFormat.LabelStudio, ExportFormat.Voc, ExportFormat.Yolo];

    public static void Check(Project project, ExportFormat format)
    {
        if (!Formats.Contains(format))
            throw LabelforgeException.Invalid($"Project '{project.Name}' is {project.TaskType}; export it with --format {string.Join(", ", Formats.Select(f => f.ToWire()))}.");
    }

    public static async Task<long> WriteAsync(LabelforgeDb db, TaxonomyOperations taxonomy, Project project, ExportFormat format, Stream output,
        LabelStudioControl control, CancellationToken ct)
    {
        Check(project, format);
        if (format.IsFolder())
            return await WriteZipAsync(db, taxonomy, project, format, output, ct);
        var categories = new ObjectCategories(await taxonomy.ResolverAsync(project.Id, ct));
        var given = await GivenAsync(db, project.Id, ct);
        var buffer = new ExportBuffer(output, ExportOptions.Default);
        long rows;
        if (format == ExportFormat.Coco)
            rows = await CocoExportWriter.WriteAsync(buffer, project, () => ItemsAsync(db, project.Id, given, ct), categories, ct);
        else
        {
            rows = 0;
            buffer.Write("["u8);
            await foreach (var item in ItemsAsync(db, project.Id, given, ct))
            {
                buffer.Write(rows++ == 0 ? "\n"u8 : ",\n"u8);
                LabelStudioObjectExportWriter.Write(buffer, item, categories, control);
                await buffer.FlushIfFullAsync(ct);
            }
            buffer.Write("\n]\n"u8);
        }
        await buffer.CompleteAsync(ct);
        return rows;
    }

    /// <summary>Writes a VOC or YOLO folder; returns the annotation files written.</summary>
    public static async Task<long> WriteFolderAsync(LabelforgeDb db, TaxonomyOperations taxonomy, Project project, ExportFormat format, string folder, CancellationToken ct)
    {
        Check(project, format);
        if (!format.IsFolder())
            throw LabelforgeException.Invalid($"{format.ToWire()} exports are one file; give --output FILE.");
        Directory.CreateDirectory(folder);
        return await WriteFilesAsync(db, taxonomy, project, format, ObjectFiles.InFolder(folder), ct);
    }

    /// <summary>
    /// A folder format as one zip streamed to <paramref name="output"/> (the server's download): the same files as
    /// <see cref="WriteFolderAsync"/>, written entry by entry, so an export of many images is never held whole.
    /// </summary>
    private static async Task<long> WriteZipAsync(LabelforgeDb db, TaxonomyOperations taxonomy, Project project, ExportFormat format, Stream output, CancellationToken ct)
    {
        await using var zip = ObjectFiles.InZip(output);
        return await WriteFilesAsync(db, taxonomy, project, format, zip, ct);
    }

    private static async Task<long> WriteFilesAsync(LabelforgeDb db, TaxonomyOperations taxonomy, Project project, ExportFormat format, ObjectFiles target, CancellationToken ct)
    {
        var categories = new ObjectCategories(await taxonomy.ResolverAsync(project.Id, ct));
        var given = await GivenAsync(db, project.Id, ct);
        var files = 0L;
        await foreach (var item in ItemsAsync(db, project.Id, given, ct))
        {
            if (item.Objects is null)
                continue;
            if (format == ExportFormat.Voc)
                await VocExportWriter.WriteAsync(target, item, categories, ct);
            else
                await YoloExportWriter.WriteAsync(target, item, categories, ct);
            await target.FileDoneAsync(ct);
            files++;
        }
        if (format == ExportFormat.Yolo)
            await YoloExportWriter.WriteClassesAsync(target, categories, ct);
        await target.FileDoneAsync(ct);
        return files;
    }

    private static async Task<Dictionary<long, (string Value, string Author, string Kind)>> GivenAsync(LabelforgeDb db, long projectId, CancellationToken ct) =>
        await GivenLabels.Latest(db, projectId).AsNoTracking()
            .Select(a => new { a.ItemId, a.LabelIdsJson, a.Author, a.Kind })
            .ToDictionaryAsync(a => a.ItemId, a => (a.LabelIdsJson, a.Author, a.Kind), ct);

    private static async IAsyncEnumerable<ObjectExportItem> ItemsAsync(LabelforgeDb db, long projectId,
        Dictionary<long, (string Value, string Author, string Kind)> given, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.ExternalId, i.Text, i.DataJson, i.TextSlot }).AsAsyncEnumerable();
        await foreach (var i in items.WithCancellation(ct))
        {
            var document = ItemDocument.Compose(i.Text, i.DataJson, i.TextSlot);
            using var parsed = JsonDocument.Parse(document);
            var root = parsed.RootElement;
            var image = root.TryGetProperty("image", out var path) && path.ValueKind == JsonValueKind.String ? path.GetString()! : i.Text;
            var width = root.TryGetProperty("width", out var w) && w.TryGetInt32(out var wv) ? wv : 0;
            var height = root.TryGetProperty("height", out var h) && h.TryGetInt32(out var hv) ? hv : 0;
            IReadOnlyList<ImageObject>? objects = null;
            string? author = null, kind = null;
            if (given.TryGetValue(i.Id, out var annotation))
            {
                objects = ((ObjectsValue)AnnotationValueJson.Read(annotation.Value, AnnotationValueKind.Objects)).Objects;
                (author, kind) = (annotation.Author, annotation.Kind);
            }
            yield return new ObjectExportItem(i.Id, i.ExternalId, image, width, height, document, objects, author, kind);
        }
    }
}
