using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import.Readers.LabelStudio;
using System.Runtime.CompilerServices;
using Labelforge.Core.Annotations;
using Labelforge.Core.Common;
using Labelforge.Core.Data;
using Labelforge.Core.Import;
using Labelforge.Core.Items;
using Labelforge.Core.Privacy;
using Labelforge.Core.Projects;
using Labelforge.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;

namespace Labelforge.Core.Export;

/// <summary>
/// Exports of text-spans projects: each item (in import order) with the spans of its latest given annotation (a
/// person's, an imported one or a reviewer's, <see cref="GivenLabels"/>), as CoNLL token/tag lines, spaCy JSONL or
/// Label Studio tasks with "labels" results.
/// </summary>
internal static class SpanExport
{
    public static readonly ExportFormat[] Formats = [ExportFormat.Conll, ExportFormat.SpacyJsonl, ExportFormat.LabelStudio];

    public static async Task<long> WriteAsync(LabelforgeDb db, TaxonomyOperations taxonomy, Project project, ExportFormat format, Stream output,
        LabelStudioControl control, ItemMasker masker, CancellationToken ct)
    {
        if (!Formats.Contains(format))
            throw LabelforgeException.Invalid($"Project '{project.Name}' is text-spans; export it with --format {string.Join(" or ", Formats.Select(f => f.ToWire()))}.");
        var resolver = await taxonomy.ResolverAsync(project.Id, ct);
        var buffer = new ExportBuffer(output, ExportOptions.Default);
        var rows = 0L;
        if (format == ExportFormat.LabelStudio)
            buffer.Write("["u8);
        await foreach (var stored in ItemsAsync(db, project.Id, ct))
        {
            // Span projects mask with same-length masks, so the spans' offsets hold on the masked text.
            var text = masker.Text(stored.Text);
            var item = masker.IsEmpty ? stored : stored with
            {
                ExternalId = masker.ExternalId(stored.ExternalId),
                Text = text,
                DataJson = masker.DocumentJson(ItemDocument.Compose(stored.Text, stored.DataJson, stored.TextSlot), stored.Text, text),
                TextSlot = null,
            };
            if (format == ExportFormat.Conll)
                ConllExportWriter.Write(buffer, item, resolver);
            else if (format == ExportFormat.SpacyJsonl)
                SpacyJsonlExportWriter.Write(buffer, item, resolver);
            else
            {
                buffer.Write(rows == 0 ? "\n"u8 : ",\n"u8);
                LabelStudioSpanExportWriter.Write(buffer, item, resolver, control);
            }
            rows++;
            await buffer.FlushIfFullAsync(ct);
        }
        if (format == ExportFormat.LabelStudio)
            buffer.Write("\n]\n"u8);
        await buffer.CompleteAsync(ct);
        return rows;
    }

    /// <summary>The items in id order with their latest given spans (the annotations are read first, one small row per item).</summary>
    private static async IAsyncEnumerable<SpanExportItem> ItemsAsync(LabelforgeDb db, long projectId, [EnumeratorCancellation] CancellationToken ct)
    {
        var given = await GivenLabels.Latest(db, projectId).AsNoTracking()
            .Select(a => new { a.ItemId, a.LabelIdsJson, a.Author, a.Kind }).ToDictionaryAsync(a => a.ItemId, ct);
        var items = db.Items.AsNoTracking().Where(i => i.ProjectId == projectId).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.ExternalId, i.Text, i.DataJson, i.TextSlot }).AsAsyncEnumerable();
        await foreach (var i in items.WithCancellation(ct))
        {
            var annotation = given.GetValueOrDefault(i.Id);
            var spans = annotation is null ? null : AnnotationValueJson.ReadSpans(annotation.LabelIdsJson);
            yield return new SpanExportItem(i.Id, i.ExternalId, i.Text, i.DataJson, i.TextSlot, spans, annotation?.Author, annotation?.Kind);
        }
    }
}
