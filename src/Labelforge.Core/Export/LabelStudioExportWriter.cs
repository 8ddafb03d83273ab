using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Import;

namespace Labelforge.Core.Export;

/// <summary>
/// Label Studio JSON export: a streamed array of tasks that Label Studio can import. Each task has "data" (the item
/// document, with a "text" key added when it has none, so the default text config works), "meta" with our ids,
/// "annotations" for human and other authors and "predictions" for model authors, all as "choices" results.
/// Each annotation also carries "labelforge_author" so that importing the file back restores the authors.
/// </summary>
internal sealed class LabelStudioExportWriter(ExportBuffer output, ExportOptions options)
{
    private const string ModelPrefix = "model:";
    private const string LabelStudioPrefix = "labelstudio:";

    public async Task<long> WriteItemsAsync(IAsyncEnumerable<ExportItem> items, CancellationToken ct)
    {
        output.Write("["u8);
        var rows = 0L;
        await foreach (var item in items.WithCancellation(ct))
        {
            output.Write(rows == 0 ? "\n"u8 : ",\n"u8);
            WriteTask(output.BeginJson(), item);
            output.EndJson();
            rows++;
            await output.FlushIfFullAsync(ct);
        }
        output.Write("\n]\n"u8);
        await output.CompleteAsync(ct);
        return rows;
    }

    private void WriteTask(Utf8JsonWriter writer, ExportItem item)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, item.ItemId);
        writer.WritePropertyName("data"u8);
        WriteData(writer, item);
        writer.WriteStartObject("meta"u8);
        writer.WriteNumber("labelforge_item_id"u8, item.ItemId);
        writer.WriteString(LabelStudioTaskMapper.ExternalIdKey, item.ExternalId);
        writer.WriteEndObject();
        writer.WriteStartArray("annotations"u8);
        foreach (var author in item.ByAuthor.Where(a => !IsModel(a)))
            WriteAnnotation(writer, author);
        writer.WriteEndArray();
        writer.WriteStartArray("predictions"u8);
        foreach (var author in item.ByAuthor.Where(IsModel))
            WritePrediction(writer, author);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter writer, ExportItem item)
    {
        using var document = JsonDocument.Parse(item.DataJson);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("text"u8, out _))
        {
            writer.WriteRawValue(item.DataJson, skipInputValidation: true);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("text"u8, item.Text);
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in root.EnumerateObject())
                property.WriteTo(writer);
        }
        writer.WriteEndObject();
    }

    private void WriteAnnotation(Utf8JsonWriter writer, ExportAuthorLabels author)
    {
        writer.WriteStartObject();
        if (author.Author.StartsWith(LabelStudioPrefix, StringComparison.Ordinal)
            && long.TryParse(author.Author.AsSpan(LabelStudioPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
            writer.WriteNumber("completed_by"u8, userId);
        writer.WriteBoolean("was_cancelled"u8, false);
        writer.WriteBoolean("ground_truth"u8, false);
        WriteResult(writer, author.Labels);
        writer.WriteString(LabelStudioTaskMapper.AuthorKey, author.Author);
        writer.WriteString("labelforge_kind"u8, author.Kind);
        writer.WriteEndObject();
    }

    private void WritePrediction(Utf8JsonWriter writer, ExportAuthorLabels author)
    {
        writer.WriteStartObject();
        writer.WriteString("model_version"u8, author.Author.StartsWith(ModelPrefix, StringComparison.Ordinal) ? author.Author[ModelPrefix.Length..] : author.Author);
        if (author.Confidence is { } score)
            writer.WriteNumber("score"u8, score);
        WriteResult(writer, author.Labels);
        writer.WriteString(LabelStudioTaskMapper.AuthorKey, author.Author);
        writer.WriteEndObject();
    }

    private void WriteResult(Utf8JsonWriter writer, IReadOnlyList<string> labels)
    {
        writer.WriteStartArray("result"u8);
        writer.WriteStartObject();
        writer.WriteString("from_name"u8, options.LabelStudioFromName);
        writer.WriteString("to_name"u8, options.LabelStudioToName);
        writer.WriteString("type"u8, "choices"u8);
        writer.WriteStartObject("value"u8);
        ExportJson.WriteLabels(writer, "choices"u8, labels);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static bool IsModel(ExportAuthorLabels author) => author.Kind == "model";
}
