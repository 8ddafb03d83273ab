using System.Text.Json;

namespace Labelforge.Core.Export.Writers;

/// <summary>JSON fragments shared by the writers: label arrays, annotations by author, probabilities.</summary>
internal static class ExportJson
{
    public static void WriteLabels(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<string> labels)
    {
        writer.WritePropertyName(name);
        WriteLabelArray(writer, labels);
    }

    /// <summary>["name", ...] as a value.</summary>
    public static void WriteLabelArray(Utf8JsonWriter writer, IReadOnlyList<string> labels)
    {
        writer.WriteStartArray();
        for (var i = 0; i < labels.Count; i++)
            writer.WriteStringValue(labels[i]);
        writer.WriteEndArray();
    }

    /// <summary>{"author": {"kind": "...", "labels": [...], "confidence": 0.9}, ...}; confidence only when known.</summary>
    public static void WriteByAuthor(Utf8JsonWriter writer, IReadOnlyList<ExportAuthorLabels> byAuthor)
    {
        writer.WriteStartObject();
        for (var i = 0; i < byAuthor.Count; i++)
        {
            var author = byAuthor[i];
            writer.WriteStartObject(author.Author);
            writer.WriteString("kind"u8, author.Kind);
            WriteLabels(writer, "labels"u8, author.Labels);
            if (author.Confidence is { } confidence)
                writer.WriteNumber("confidence"u8, confidence);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static void WriteProbabilities(Utf8JsonWriter writer, IReadOnlyDictionary<string, double> probabilities)
    {
        writer.WriteStartObject();
        foreach (var (label, p) in probabilities)
            writer.WriteNumber(label, p);
        writer.WriteEndObject();
    }

    /// <summary>The stored document as it is: it was validated when imported, so it is not parsed again.</summary>
    public static void WriteData(Utf8JsonWriter writer, string dataJson)
    {
        writer.WritePropertyName("data"u8);
        writer.WriteRawValue(dataJson, skipInputValidation: true);
    }
}
