using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Annotations;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers.LabelStudio;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Label Studio JSON export: a streamed array of tasks that Label Studio can import. Each task has "data" (the item
/// document; for projects without their own control names a "text" key is added when it has none, so the default
/// text config works), "meta" with our ids,
/// "annotations" for human and other authors and "predictions" for model authors, all as "choices" results named
/// with the project's control names (the ones a Label Studio import brought). Annotations carry completed_by (a
/// Label Studio user id when the author came from Label Studio), ground_truth (a review: Labelforge's gold),
/// lead_time (seconds) and created_at; predictions model_version, score and created_at. Each also carries
/// "labelforge_author" so that importing the file back restores the authors.
/// </summary>
internal sealed class LabelStudioExportWriter(ExportBuffer output, ExportOptions options)
{
    private const string ModelPrefix = "model:";
    private static readonly string ReviewKind = AnnotationKind.Review.ToWire();

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

    private void WriteData(Utf8JsonWriter writer, ExportItem item)
    {
        using var document = JsonDocument.Parse(item.DataJson);
        var root = document.RootElement;
        if (!options.LabelStudioAddTextKey || (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("text"u8, out _)))
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
        if (author.Author.StartsWith(LabelStudioAuthors.Prefix, StringComparison.Ordinal)
            && long.TryParse(author.Author.AsSpan(LabelStudioAuthors.Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var userId))
            writer.WriteNumber("completed_by"u8, userId);
        writer.WriteBoolean("was_cancelled"u8, false);
        writer.WriteBoolean("ground_truth"u8, author.Kind == ReviewKind);
        if (author.TimeSpentMs is { } spent)
            writer.WriteNumber("lead_time"u8, spent / 1000.0);
        WriteCreatedAt(writer, author);
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
        WriteCreatedAt(writer, author);
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

    /// <summary>ISO 8601 UTC with milliseconds, the precision Labelforge stores (Label Studio writes microseconds).</summary>
    private static void WriteCreatedAt(Utf8JsonWriter writer, ExportAuthorLabels author)
    {
        if (author.CreatedAt is { } created)
            writer.WriteString("created_at"u8, created.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }

    private static bool IsModel(ExportAuthorLabels author) => author.Kind == "model";
}
