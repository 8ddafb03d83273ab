using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import.Readers.Spans;

/// <summary>
/// Reads spaCy-style JSON Lines: one object per line with "text" and "spans", a list of {"start", "end", "label"}
/// with character offsets counted in Unicode code points (Python string indices), converted here to the UTF-16
/// offsets Labelforge stores. Other fields stay in the item document ("tokens" as a list of strings is what spans
/// snap to); "spans" becomes an imported span annotation (absent: an item without annotation; []: no entities).
/// </summary>
internal static class SpacyJsonlReader
{
    /// <summary>The offset of the text placeholder in the stored documents written here, {"text":null,...}.</summary>
    private const int TextSlot = 8;

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async IAsyncEnumerable<ImportEntry> ReadAsync(ImportInput input, string source, ImportFieldMap map, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = 0;
        await foreach (var (line, text, problem) in ImportLines.ReadAsync(input, options, ct))
        {
            if (problem is not null)
            {
                rows++;
                yield return ImportEntry.Bad(new ImportError(source, line, null, problem));
                continue;
            }
            if (string.IsNullOrWhiteSpace(text))
                continue;
            rows++;
            yield return Map(source, line, text!, map);
        }
        if (rows == 0)
            yield return ImportEntry.Bad(new ImportError(source, 0, null, "file is empty"));
    }

    private static ImportEntry Map(string source, long line, string json, ImportFieldMap map)
    {
        ImportError Error(string? field, string message) => new(source, line, field, message);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            return ImportEntry.Bad(Error(null, $"line is not valid JSON ({e.Message.Split(" Path:")[0]})"));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return ImportEntry.Bad(Error(null, "line is not a JSON object; each line needs {\"text\": ..., \"spans\": [...]}"));
            var textField = map.TextFieldOrDefault;
            if (!root.TryGetProperty(textField, out var textValue) || textValue.ValueKind != JsonValueKind.String)
                return ImportEntry.Bad(Error(textField, $"no \"{textField}\" string on this line"));
            var text = textValue.GetString()!;
            if (text.Length == 0)
                return ImportEntry.Bad(Error(textField, "text is empty"));
            string? externalId = null;
            if (map.IdField is { } idField && root.TryGetProperty(idField, out var id))
                externalId = id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            List<ImportedAnnotation> annotations = [];
            if (root.TryGetProperty("spans", out var spans))
            {
                var (read, problem) = Spans(spans, text);
                if (problem is not null)
                    return ImportEntry.Bad(Error(problem.Value.Field, problem.Value.Message));
                annotations.Add(new ImportedAnnotation(null, AnnotationKind.Import, []) { Field = "spans", Spans = read });
            }
            return ImportEntry.Ok(new ImportRecord(source, line, externalId, text, StoredDocument(root, textField), annotations, TextSlot));
        }
    }

    private static (List<ImportedSpan> Spans, (string Field, string Message)? Problem) Spans(JsonElement spans, string text)
    {
        var result = new List<ImportedSpan>();
        if (spans.ValueKind != JsonValueKind.Array)
            return (result, ("spans", "\"spans\" must be a list of {\"start\", \"end\", \"label\"} objects"));
        var utf16 = CodePointOffsets(text);
        var index = 0;
        foreach (var span in spans.EnumerateArray())
        {
            var field = $"spans[{index++}]";
            if (span.ValueKind != JsonValueKind.Object)
                return (result, (field, "a span must be an object with start, end and label"));
            if (!Int(span, "start", out var start) || !Int(span, "end", out var end))
                return (result, (field, "a span needs integer \"start\" and \"end\" (character offsets)"));
            if (!span.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String || label.GetString()!.Trim().Length == 0)
                return (result, (field + ".label", "a span needs a non-empty \"label\" string"));
            var codePoints = utf16.Length - 1;
            if (start < 0 || end > codePoints || start >= end)
                return (result, (field, $"offsets {start}..{end} do not lie in the text ({codePoints} characters) with start < end"));
            result.Add(new ImportedSpan(utf16[start], utf16[end], label.GetString()!));
        }
        return (result, null);
    }

    private static bool Int(JsonElement span, string name, out int value)
    {
        value = 0;
        return span.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out value);
    }

    /// <summary>UTF-16 offset of each code point index 0..n (entry n is the text's length).</summary>
    internal static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
        }
        offsets.Add(text.Length);
        return [.. offsets];
    }

    /// <summary>The stored form: text first as the placeholder, then every other field but the spans, in file order.</summary>
    private static string StoredDocument(JsonElement root, string textField)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStartObject();
            writer.WriteNull("text");
            foreach (var property in root.EnumerateObject())
            {
                if (property.NameEquals(textField) || property.NameEquals("spans") || property.NameEquals("text"))
                    continue;
                property.WriteTo(writer);
            }
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
