using System.Globalization;
using System.Text.Json;
using Labelforge.Core.Annotations;

namespace Labelforge.Core.Import;

/// <summary>
/// Maps one Label Studio task to an import entry: the item is the task's "data" object, the external id the
/// task id (or the mapped id field inside data), completed annotations become "labelstudio:&lt;completed_by&gt;"
/// annotations and predictions "model:&lt;model_version&gt;" ones with the score as confidence. Only "choices"
/// results carry labels; cancelled annotations are skipped. Keys our exporter writes take precedence, so its
/// files round-trip: "labelforge_author" on annotations and predictions, "meta.external_id" on tasks.
/// </summary>
internal sealed class LabelStudioTaskMapper(string source, ImportFieldMap map)
{
    /// <summary>Key our Label Studio exporter adds to each annotation to keep the Labelforge author.</summary>
    public const string AuthorKey = "labelforge_author";

    /// <summary>Key in a task's "meta" where our exporter keeps the item's external id.</summary>
    public const string ExternalIdKey = "external_id";

    private readonly JsonScratch json = new();

    public ImportEntry Map(ReadOnlyMemory<byte> element, long line)
    {
        var bad = ImportText.FirstInvalidUtf8(element.Span);
        if (bad >= 0)
            return Bad(line, null, $"invalid UTF-8 at byte {bad + 1} of the task; save the file as UTF-8");
        try
        {
            using var document = JsonDocument.Parse(element);
            return MapTask(document.RootElement, line);
        }
        catch (JsonException ex)
        {
            return Bad(line + (ex.LineNumber ?? 0), null, JsonErrors.Describe(ex));
        }
    }

    private ImportEntry MapTask(JsonElement task, long line)
    {
        if (task.ValueKind != JsonValueKind.Object)
            return Bad(line, null, $"task is a JSON {task.ValueKind.ToString().ToLowerInvariant()}; Label Studio tasks are objects with a \"data\" object");
        if (!task.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            return Bad(line, "data", "task has no \"data\" object; is this a Label Studio JSON export?");
        var textField = map.TextFieldOrDefault;
        if (!data.TryGetProperty(textField, out var textValue) || textValue.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
        {
            var keys = string.Join(", ", data.EnumerateObject().Select(p => p.Name));
            return Bad(line, textField, $"task data has no text field '{textField}'; its fields are: {keys}. Pass --text-field with one of them");
        }
        var text = Scalar(textValue);
        if (string.IsNullOrWhiteSpace(text))
            return Bad(line, textField, ImportText.EmptyText(textField));
        var idSource = map.IdField is not null ? Property(data, map.IdField)
            : Property(task, "meta") is { ValueKind: JsonValueKind.Object } meta && Property(meta, ExternalIdKey).ValueKind != JsonValueKind.Undefined
                ? Property(meta, ExternalIdKey)
                : Property(task, "id");
        var (dataJson, slot) = StoredData(data, textField, textValue.ValueKind == JsonValueKind.String);
        var annotations = new List<ImportedAnnotation>();
        AddAnnotations(task, annotations);
        AddPredictions(task, annotations);
        return ImportEntry.Ok(new ImportRecord(source, line, IdOf(idSource), text!, dataJson, annotations, slot));
    }

    /// <summary>
    /// The task's data object in the stored form: its text field as the placeholder when that field is a plain
    /// string that occurs once (a number, or a repeated name, is kept as it is, whole).
    /// </summary>
    private (string Json, int? TextSlot) StoredData(JsonElement data, string textField, bool textIsString)
    {
        var writer = json.Begin();
        if (!textIsString || data.EnumerateObject().Count(p => p.NameEquals(textField)) != 1)
        {
            data.WriteTo(writer);
            return (json.Finish(), null);
        }
        writer.WriteStartObject();
        foreach (var property in data.EnumerateObject())
        {
            if (property.NameEquals(textField))
                json.WriteTextPlaceholder(JsonEncodedText.Encode(property.Name, JsonScratch.WriterOptions.Encoder));
            else
                property.WriteTo(writer);
        }
        writer.WriteEndObject();
        return json.FinishStored();
    }

    private static void AddAnnotations(JsonElement task, List<ImportedAnnotation> into)
    {
        if (!task.TryGetProperty("annotations", out var annotations) || annotations.ValueKind != JsonValueKind.Array)
            return;
        foreach (var annotation in annotations.EnumerateArray())
        {
            if (annotation.ValueKind != JsonValueKind.Object
                || (annotation.TryGetProperty("was_cancelled", out var cancelled) && cancelled.ValueKind == JsonValueKind.True))
                continue;
            var labels = Choices(annotation);
            if (labels.Count > 0)
                into.Add(new ImportedAnnotation(AnnotationAuthor(annotation), AnnotationKind.Import, labels));
        }
    }

    private static void AddPredictions(JsonElement task, List<ImportedAnnotation> into)
    {
        if (!task.TryGetProperty("predictions", out var predictions) || predictions.ValueKind != JsonValueKind.Array)
            return;
        foreach (var prediction in predictions.EnumerateArray())
        {
            if (prediction.ValueKind != JsonValueKind.Object)
                continue;
            var labels = Choices(prediction);
            if (labels.Count == 0)
                continue;
            var version = prediction.TryGetProperty("model_version", out var v) ? Scalar(v) : null;
            double? score = prediction.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : null;
            var author = Author(prediction) ?? "model:" + (string.IsNullOrEmpty(version) ? "unknown" : version);
            into.Add(new ImportedAnnotation(author, AnnotationKind.Model, labels, score));
        }
    }

    private static string AnnotationAuthor(JsonElement annotation)
    {
        if (Author(annotation) is { } own)
            return own;
        if (!annotation.TryGetProperty("completed_by", out var by))
            return "labelstudio:unknown";
        var name = by.ValueKind == JsonValueKind.Object
            ? by.TryGetProperty("email", out var email) ? Scalar(email) : by.TryGetProperty("id", out var id) ? Scalar(id) : null
            : Scalar(by);
        return "labelstudio:" + (string.IsNullOrEmpty(name) ? "unknown" : name);
    }

    private static string? Author(JsonElement annotation) =>
        annotation.TryGetProperty(AuthorKey, out var author) && author.ValueKind == JsonValueKind.String ? author.GetString() : null;

    /// <summary>The distinct labels of all "choices" results, in order.</summary>
    private static List<string> Choices(JsonElement annotation)
    {
        var labels = new List<string>();
        if (!annotation.TryGetProperty("result", out var results) || results.ValueKind != JsonValueKind.Array)
            return labels;
        foreach (var result in results.EnumerateArray())
        {
            if (result.ValueKind != JsonValueKind.Object
                || !result.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "choices"
                || !result.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object
                || !value.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
                continue;
            foreach (var choice in choices.EnumerateArray())
            {
                if (choice.ValueKind == JsonValueKind.String && choice.GetString() is { Length: > 0 } label && !labels.Contains(label))
                    labels.Add(label);
            }
        }
        return labels;
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : default;

    private static string? IdOf(JsonElement value) => value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? Scalar(value) : null;

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private ImportEntry Bad(long line, string? field, string message) => ImportEntry.Bad(new ImportError(source, line, field, message));
}
