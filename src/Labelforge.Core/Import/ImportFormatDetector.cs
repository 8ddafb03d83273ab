using System.Text.Json;

namespace Labelforge.Core.Import;

/// <summary>Guesses a format from a file name, and tells Label Studio exports from plain JSON arrays by their first task.</summary>
internal static class ImportFormatDetector
{
    public static ImportFormat? FromExtension(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".csv" => ImportFormat.Csv,
        ".tsv" or ".tab" => ImportFormat.Tsv,
        ".jsonl" or ".ndjson" => ImportFormat.Jsonl,
        ".json" => ImportFormat.Json,
        _ => null,
    };

    /// <summary>True when the first array element has a "data" object and "annotations" or "predictions" (a Label Studio task).</summary>
    public static bool LooksLikeLabelStudio(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            var (hasData, hasAnnotations) = (false, false);
            while (reader.Read() && reader.CurrentDepth >= 2)
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 2)
                    continue;
                if (reader.ValueTextEquals("data"u8))
                    hasData = reader.Read() && reader.TokenType == JsonTokenType.StartObject;
                else if (reader.ValueTextEquals("annotations"u8) || reader.ValueTextEquals("predictions"u8))
                    hasAnnotations = true;
                if (hasData && hasAnnotations)
                    return true;
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
