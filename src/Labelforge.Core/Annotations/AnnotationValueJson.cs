using System.Buffers;
using System.Text;
using System.Text.Json;
using Labelforge.Core.Common;

namespace Labelforge.Core.Annotations;

/// <summary>
/// The one reader and writer of the stored annotation value (annotations.LabelIdsJson). Class labels keep the
/// form they always had, a JSON array of ids ("[3,5]"), so stored text-classification data reads unchanged and the
/// count triggers keep reading it with json_each; spans and objects are objects keyed by their kind.
/// </summary>
public static class AnnotationValueJson
{
    public static string Write(AnnotationValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is ClassLabelsValue labels)
            return JsonIds.Write(labels.Ids);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            switch (value)
            {
                case SpansValue spans:
                    WriteSpans(json, spans);
                    break;
                case ObjectsValue objects:
                    WriteObjects(json, objects);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(value), value.Kind, "unknown annotation value");
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// The stored value read as <paramref name="kind"/> (the project's). A stored class-label array read as spans or
    /// objects is an empty value (a project's type is fixed at creation, so only "none" can meet that case).
    /// </summary>
    public static AnnotationValue Read(string? json, AnnotationValueKind kind)
    {
        if (kind == AnnotationValueKind.ClassLabels)
            return new ClassLabelsValue(JsonIds.Read(json));
        if (string.IsNullOrEmpty(json) || json[0] == '[')
            return kind == AnnotationValueKind.Spans ? new SpansValue([]) : new ObjectsValue([]);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return kind == AnnotationValueKind.Spans ? ReadSpans(root) : ReadObjects(root);
    }

    /// <summary>Spans of a stored value of a text-spans project.</summary>
    public static IReadOnlyList<LabeledSpan> ReadSpans(string? json) => ((SpansValue)Read(json, AnnotationValueKind.Spans)).Spans;

    private static void WriteSpans(Utf8JsonWriter json, SpansValue spans)
    {
        json.WriteStartArray("spans");
        foreach (var span in spans.Spans)
        {
            json.WriteStartObject();
            json.WriteNumber("start", span.Start);
            json.WriteNumber("end", span.End);
            json.WriteNumber("label", span.LabelId);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteObjects(Utf8JsonWriter json, ObjectsValue objects)
    {
        json.WriteStartArray("objects");
        foreach (var o in objects.Objects)
        {
            json.WriteStartObject();
            json.WriteNumber("label", o.LabelId);
            if (o.Box is { } box)
            {
                json.WriteStartArray("box");
                json.WriteNumberValue(box.X);
                json.WriteNumberValue(box.Y);
                json.WriteNumberValue(box.Width);
                json.WriteNumberValue(box.Height);
                json.WriteEndArray();
            }
            else
            {
                json.WriteStartArray("polygon");
                foreach (var p in o.Polygon ?? [])
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(p.X);
                    json.WriteNumberValue(p.Y);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            if (o.Attributes is { Count: > 0 } attributes)
            {
                json.WriteStartObject("attributes");
                foreach (var (key, value) in attributes)
                    json.WriteString(key, value);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static IReadOnlyDictionary<string, string>? Attributes(JsonElement o) =>
        o.TryGetProperty("attributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
            ? ObjectAttributes.Of(attributes.EnumerateObject().Select(p => KeyValuePair.Create(p.Name, p.Value.GetString() ?? "")))
            : null;

    private static SpansValue ReadSpans(JsonElement root)
    {
        var spans = new List<LabeledSpan>();
        if (root.TryGetProperty("spans", out var array))
        {
            foreach (var s in array.EnumerateArray())
                spans.Add(new LabeledSpan(s.GetProperty("start").GetInt32(), s.GetProperty("end").GetInt32(), s.GetProperty("label").GetInt64()));
        }
        return new SpansValue(spans);
    }

    private static ObjectsValue ReadObjects(JsonElement root)
    {
        var objects = new List<ImageObject>();
        if (!root.TryGetProperty("objects", out var array))
            return new ObjectsValue(objects);
        foreach (var o in array.EnumerateArray())
        {
            var label = o.GetProperty("label").GetInt64();
            if (o.TryGetProperty("box", out var box))
            {
                objects.Add(new ImageObject(label, new ImageBox(box[0].GetDouble(), box[1].GetDouble(), box[2].GetDouble(), box[3].GetDouble()), null) { Attributes = Attributes(o) });
                continue;
            }
            var points = o.GetProperty("polygon").EnumerateArray().Select(p => new ImagePoint(p[0].GetDouble(), p[1].GetDouble())).ToArray();
            objects.Add(new ImageObject(label, null, points) { Attributes = Attributes(o) });
        }
        return new ObjectsValue(objects);
    }
}
