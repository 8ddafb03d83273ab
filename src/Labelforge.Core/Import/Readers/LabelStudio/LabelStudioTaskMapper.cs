using System.Text.Json;
using Labelforge.Core.Import.Readers.Json;

namespace Labelforge.Core.Import.Readers.LabelStudio;

/// <summary>
/// Maps one Label Studio task to an import entry: the item is the task's "data" object (or the task itself when it
/// has none, as Label Studio reads {"text": ...}), the external id the task id (or the mapped id field inside data);
/// annotations and predictions are read by <see cref="LabelStudioResults"/>. Keys our exporter writes take
/// precedence, so its files round-trip: "labelforge_author" on annotations and predictions, "meta.external_id" on tasks.
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
            return Bad(line, null, $"task is a JSON {task.ValueKind.ToString().ToLowerInvariant()}; Label Studio tasks are objects like {{\"data\": {{\"text\": \"...\"}}}}");
        // Label Studio reads a task without a "data" object as the data itself ({"text": "..."}), with no annotations.
        var wrapped = task.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        if (!wrapped && (task.TryGetProperty("annotations", out _) || task.TryGetProperty("predictions", out _) || task.TryGetProperty("data", out _)))
            return Bad(line, "data", "task has annotations or predictions but no \"data\" object holding its text; is this a Label Studio JSON export?");
        if (!wrapped)
            data = task;
        var textField = map.TextFieldOrDefault;
        if (!data.TryGetProperty(textField, out var textValue) || textValue.ValueKind is JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null)
        {
            var keys = string.Join(", ", data.EnumerateObject().Select(p => p.Name));
            return Bad(line, textField, $"task {(wrapped ? "data " : "")}has no text field '{textField}'; its fields are: {keys}. Pass --text-field with one of them");
        }
        var text = Scalar(textValue);
        if (string.IsNullOrWhiteSpace(text))
            return Bad(line, textField, ImportText.EmptyText(textField));
        var idSource = map.IdField is not null ? Property(data, map.IdField)
            : !wrapped ? default
            : Property(task, "meta") is { ValueKind: JsonValueKind.Object } meta && Property(meta, ExternalIdKey).ValueKind != JsonValueKind.Undefined
                ? Property(meta, ExternalIdKey)
                : Property(task, "id");
        var (dataJson, slot) = StoredData(data, textField, textValue.ValueKind == JsonValueKind.String);
        var annotations = new List<ImportedAnnotation>();
        if (wrapped && (LabelStudioResults.AddAnnotations(task, text!, annotations) ?? LabelStudioResults.AddPredictions(task, text!, annotations)) is { } problem)
            return Bad(line, problem.Field, problem.Message);
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

    internal static JsonElement Property(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : default;

    private static string? IdOf(JsonElement value) => value.ValueKind is JsonValueKind.String or JsonValueKind.Number ? Scalar(value) : null;

    internal static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };

    private ImportEntry Bad(long line, string? field, string message) => ImportEntry.Bad(new ImportError(source, line, field, message));
}
