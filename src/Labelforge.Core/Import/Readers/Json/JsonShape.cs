using System.Text.Json;

namespace Labelforge.Core.Import.Readers.Json;

/// <summary>
/// What the first bytes of a JSON file hold, so the importer reads it as what it is or names what it is not:
/// Label Studio tasks (an array of them or one task object), a plain array of rows, JSON Lines, a COCO dataset,
/// or some other single object. Reads only the head; a row cut off by the end of the head still counts.
/// </summary>
internal sealed record JsonShape(JsonShape.Kind Shape, IReadOnlyList<string> Keys, bool Complete = false)
{
    public enum Kind
    {
        Unknown,
        Array,
        LabelStudioTasks,
        LabelStudioTask,
        JsonLines,
        Coco,
        SingleObject,
    }

    public static JsonShape Of(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { AllowMultipleValues = true, MaxDepth = 256 }));
        try
        {
            if (!reader.Read())
                return new(Kind.Unknown, []);
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                    return new(Kind.Array, []);
                var keys = ReadObject(ref reader, out var task, out _);
                return new(task ? Kind.LabelStudioTasks : Kind.Array, keys);
            }
            if (reader.TokenType != JsonTokenType.StartObject)
                return new(Kind.Unknown, []);
            var rootKeys = ReadObject(ref reader, out var isTask, out var complete);
            if (complete && reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                return new(Kind.JsonLines, rootKeys, true);
            if (isTask)
                return new(Kind.LabelStudioTask, rootKeys, complete);
            return new(rootKeys.Contains("images") ? Kind.Coco : Kind.SingleObject, rootKeys, complete);
        }
        catch (JsonException)
        {
            return new(Kind.Unknown, []);
        }
    }

    /// <summary>
    /// Reads the object whose StartObject the reader is on: its top-level keys, whether it is a Label Studio task
    /// (a "data" object, or "annotations"/"predictions" whose first entry has a "result"), and whether it ended in the head.
    /// </summary>
    private static List<string> ReadObject(ref Utf8JsonReader reader, out bool task, out bool complete)
    {
        var depth = reader.CurrentDepth;
        var keys = new List<string>();
        (task, complete) = (false, false);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                complete = true;
                return keys;
            }
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
                continue;
            var name = reader.GetString()!;
            keys.Add(name);
            reader.Read();
            task |= name == "data" ? reader.TokenType == JsonTokenType.StartObject
                : name is "annotations" or "predictions" && reader.TokenType == JsonTokenType.StartArray && FirstHasResult(ref reader);
        }
        return keys;
    }

    /// <summary>With the reader on an array's start: true when its first element is an object with a "result" key.</summary>
    private static bool FirstHasResult(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            return false;
        var depth = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > depth)
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1 && reader.ValueTextEquals("result"u8))
                return true;
        }
        return false;
    }

    /// <summary>
    /// Why a file of this shape that starts with '{' cannot be read as <paramref name="format"/> (json, label-studio or
    /// jsonl), naming what it looks like; null when it can. <paramref name="firstLineComplete"/>: the first object ends
    /// on the first line, so a JSON Lines reading is possible.
    /// </summary>
    public string? Problem(ImportFormat format, bool firstLineComplete)
    {
        if (Shape == Kind.Coco)
            return $"file looks like a COCO dataset (keys: {KeyList}); COCO holds image objects: import it into an image-objects project with --format coco";
        if (format == ImportFormat.Jsonl)
        {
            if (firstLineComplete)
                return null;
            return Shape == Kind.LabelStudioTask
                ? "file holds one Label Studio task spread over several lines, not one JSON object per line; use --format label-studio"
                : $"file holds one JSON object spread over several lines (keys: {KeyList}), not one object per line; "
                    + "JSON Lines needs each row on its own line, and a JSON array holds rows as [{...}, {...}]";
        }
        return Shape switch
        {
            Kind.JsonLines => "file holds one JSON object per line, so it is JSON Lines; use --format jsonl (or name it .jsonl)",
            Kind.LabelStudioTask when format == ImportFormat.LabelStudio => null,
            Kind.LabelStudioTask => "file holds one Label Studio task; use --format label-studio",
            _ => $"file holds a single JSON object (keys: {KeyList}), not rows: put the rows in a JSON array [{{...}}, {{...}}] "
                + "or write one object per line (JSON Lines, --format jsonl)",
        };
    }

    private string KeyList => string.Join(", ", Keys.Take(8)) + (Keys.Count > 8 ? ", ..." : "");
}
