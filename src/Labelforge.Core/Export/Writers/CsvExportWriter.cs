using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// CSV export (RFC 4180, UTF-8, CRLF). Items: id, external_id, text, labels ('|'-joined), annotations (JSON object
/// by author, as in JSONL) and data (the item document as JSON: a streamed export cannot know every document's
/// fields up front to make them columns). Events: one row per annotation event.
/// </summary>
internal static class CsvExportWriter
{
    public static async Task<long> WriteItemsAsync(ExportBuffer output, IAsyncEnumerable<ExportItem> items, CancellationToken ct)
    {
        var csv = new CsvFieldWriter(output.Bytes);
        var json = new JsonScratch();
        output.Write("id,external_id,text,labels,annotations,data\r\n"u8);
        var rows = 0L;
        await foreach (var item in items.WithCancellation(ct))
        {
            csv.Number(item.ItemId);
            csv.String(item.ExternalId);
            csv.String(item.Text);
            csv.Joined(item.Labels);
            ExportJson.WriteByAuthor(json.Begin(), item.ByAuthor);
            json.Writer.Flush();
            csv.Json(json.Written);
            csv.String(item.DataJson);
            csv.EndRow();
            rows++;
            await output.FlushIfFullAsync(ct);
        }
        await output.CompleteAsync(ct);
        return rows;
    }

    public static async Task<long> WriteEventsAsync(ExportBuffer output, IAsyncEnumerable<ExportEvent> events, CancellationToken ct)
    {
        var csv = new CsvFieldWriter(output.Bytes);
        var json = new JsonScratch();
        output.Write("annotation_id,item_id,external_id,author,kind,labels,confidence,probabilities,taxonomy_version,time_spent_ms,created_at,supersedes_id,suggestion_annotation_id,suggestion_outcome\r\n"u8);
        var rows = 0L;
        await foreach (var e in events.WithCancellation(ct))
        {
            csv.Number(e.AnnotationId);
            csv.Number(e.ItemId);
            csv.String(e.ExternalId);
            csv.String(e.Author);
            csv.String(e.Kind);
            csv.Joined(e.Labels);
            csv.Number(e.Confidence);
            if (e.Probabilities is null)
            {
                csv.String(null);
            }
            else
            {
                ExportJson.WriteProbabilities(json.Begin(), e.Probabilities);
                json.Writer.Flush();
                csv.Json(json.Written);
            }
            csv.Number((long)e.TaxonomyVersion);
            csv.Number(e.TimeSpentMs);
            csv.Timestamp(e.CreatedAt);
            csv.Number(e.SupersedesId);
            csv.Number(e.SuggestionAnnotationId);
            csv.String(e.SuggestionOutcome);
            csv.EndRow();
            rows++;
            await output.FlushIfFullAsync(ct);
        }
        await output.CompleteAsync(ct);
        return rows;
    }
}
