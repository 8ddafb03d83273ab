using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Labelforge.Core.Items;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// JSON Lines export. Items: {"id","external_id","text","data","labels","annotations"} where annotations maps each
/// author to {"kind","labels","confidence"}. Events: one object per annotation event with snake_case keys.
/// </summary>
internal static class JsonlExportWriter
{
    public static Task<long> WriteItemsAsync(ExportBuffer output, IAsyncEnumerable<ExportItem> items, CancellationToken ct) =>
        WriteLinesAsync(output, items, WriteItem, ct);

    /// <summary>
    /// Items from their stored form, as UTF-8 bytes straight into the buffer: the text is quoted once
    /// (<see cref="ExportJsonString"/>) and that literal goes both into "text" and into the document's text slot
    /// (<see cref="ItemDocument.ComposeUtf8(ReadOnlySpan{byte}, int?, ReadOnlySpan{byte}, IBufferWriter{byte})"/>); no
    /// string and no per-item object is made for an item without labels. The bytes equal <see cref="WriteItem"/>'s.
    /// </summary>
    public static async Task<long> WriteItemsAsync(ExportBuffer output, ExportItemCursor items, CancellationToken ct)
    {
        var quoted = new ArrayBufferWriter<byte>(1024);
        var count = 0L;
        while (items.Read())
        {
            WriteStoredItem(output, items, quoted);
            count++;
            await output.FlushIfFullAsync(ct);
        }
        await output.CompleteAsync(ct);
        return count;
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

    private static void WriteStoredItem(ExportBuffer output, ExportItemCursor item, ArrayBufferWriter<byte> quoted)
    {
        output.Write("{\"id\":"u8);
        output.WriteInt64(item.ItemId);
        output.Write(",\"external_id\":"u8);
        if (item.HasExternalId)
            ExportJsonString.WriteQuoted(item.ExternalId, output, output.Json);
        else
            output.Write("null"u8);
        quoted.ResetWrittenCount();
        ExportJsonString.WriteQuoted(item.Text, quoted, output.Json);
        output.Write(",\"text\":"u8);
        output.Write(quoted.WrittenSpan);
        output.Write(",\"data\":"u8);
        var document = item.StoredDataJson;
        if (Utf8.IsValid(document))
            ItemDocument.ComposeUtf8(document, item.TextSlot, quoted.WrittenSpan, output);
        else
            ItemDocument.ComposeUtf8(Encoding.UTF8.GetString(document), item.TextSlot, quoted.WrittenSpan, output);
        output.Write(",\"labels\":"u8);
        if (item.Labels.Count == 0)
            output.Write("[]"u8);
        else
            WriteValue(output, item.Labels, ExportJson.WriteLabelArray);
        output.Write(",\"annotations\":"u8);
        if (item.ByAuthor.Count == 0)
            output.Write("{}"u8);
        else
            WriteValue(output, item.ByAuthor, ExportJson.WriteByAuthor);
        output.Write("}\n"u8);
    }

    private static void WriteValue<T>(ExportBuffer output, T value, Action<Utf8JsonWriter, T> write)
    {
        write(output.BeginJson(), value);
        output.EndJson();
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
