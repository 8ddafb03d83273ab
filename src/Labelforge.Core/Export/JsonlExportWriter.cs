using System.Text.Json;

namespace Labelforge.Core.Export;

/// <summary>
/// JSON Lines export. Items: {"id","external_id","text","data","labels","annotations"} where annotations maps each
/// author to {"kind","labels","confidence"}. Events: one object per annotation event with snake_case keys.
/// </summary>
internal static class JsonlExportWriter
{
    public static Task<long> WriteItemsAsync(ExportBuffer output, IAsyncEnumerable<ExportItem> items, CancellationToken ct) =>
        WriteLinesAsync(output, items, WriteItem, ct);

    /// <summary>
    /// Items from their stored form: the text is escaped once, into a scratch buffer, and that literal goes both into
    /// "text" and into the document's text slot, which is composed as UTF-8 (no document string per item).
    /// </summary>
    public static async Task<long> WriteItemRowsAsync(ExportBuffer output, IAsyncEnumerable<ExportItemRow> rows, CancellationToken ct)
    {
        using var scratch = new ExportTextScratch();
        return await WriteLinesAsync(output, rows, (writer, row) => WriteItemRow(writer, row, scratch), ct);
    }

    public static Task<long> WriteEventsAsync(ExportBuffer output, IAsyncEnumerable<ExportEvent> events, CancellationToken ct) =>
        WriteLinesAsync(output, events, WriteEvent, ct);

    private static async Task<long> WriteLinesAsync<T>(ExportBuffer output, IAsyncEnumerable<T> rows, Action<Utf8JsonWriter, T> write, CancellationToken ct)
    {
        var count = 0L;
        await foreach (var row in rows.WithCancellation(ct))
        {
            write(output.BeginJson(), row);
            output.EndJson();
            output.Write("\n"u8);
            count++;
            await output.FlushIfFullAsync(ct);
        }
        await output.CompleteAsync(ct);
        return count;
    }

    private static void WriteItem(Utf8JsonWriter writer, ExportItem item)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, item.ItemId);
        writer.WriteString("external_id"u8, item.ExternalId);
        writer.WriteString("text"u8, item.Text);
        ExportJson.WriteData(writer, item.DataJson);
        ExportJson.WriteLabels(writer, "labels"u8, item.Labels);
        writer.WritePropertyName("annotations"u8);
        ExportJson.WriteByAuthor(writer, item.ByAuthor);
        writer.WriteEndObject();
    }

    private static void WriteItemRow(Utf8JsonWriter writer, ExportItemRow row, ExportTextScratch scratch)
    {
        var quoted = scratch.Quote(row.Text);
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, row.ItemId);
        writer.WriteString("external_id"u8, row.ExternalId);
        writer.WritePropertyName("text"u8);
        writer.WriteRawValue(quoted.Span, skipInputValidation: true);
        writer.WritePropertyName("data"u8);
        writer.WriteRawValue(scratch.Document(row.StoredDataJson, row.TextSlot, quoted.Span), skipInputValidation: true);
        ExportJson.WriteLabels(writer, "labels"u8, row.Labels);
        writer.WritePropertyName("annotations"u8);
        ExportJson.WriteByAuthor(writer, row.ByAuthor);
        writer.WriteEndObject();
    }

    private static void WriteEvent(Utf8JsonWriter writer, ExportEvent e)
    {
        writer.WriteStartObject();
        writer.WriteNumber("annotation_id"u8, e.AnnotationId);
        writer.WriteNumber("item_id"u8, e.ItemId);
        writer.WriteString("external_id"u8, e.ExternalId);
        writer.WriteString("author"u8, e.Author);
        writer.WriteString("kind"u8, e.Kind);
        ExportJson.WriteLabels(writer, "labels"u8, e.Labels);
        WriteNullable(writer, "confidence"u8, e.Confidence);
        writer.WritePropertyName("probabilities"u8);
        if (e.Probabilities is null)
            writer.WriteNullValue();
        else
            ExportJson.WriteProbabilities(writer, e.Probabilities);
        writer.WriteNumber("taxonomy_version"u8, e.TaxonomyVersion);
        WriteNullable(writer, "time_spent_ms"u8, e.TimeSpentMs);
        writer.WriteString("created_at"u8, e.CreatedAt.UtcDateTime);
        WriteNullable(writer, "supersedes_id"u8, e.SupersedesId);
        WriteNullable(writer, "suggestion_annotation_id"u8, e.SuggestionAnnotationId);
        writer.WriteString("suggestion_outcome"u8, e.SuggestionOutcome);
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }

    private static void WriteNullable(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long? value)
    {
        if (value is { } v)
            writer.WriteNumber(name, v);
        else
            writer.WriteNull(name);
    }
}
