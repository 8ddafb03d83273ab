using System.Text.Json;
using System.Text.Json.Nodes;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Streams <see cref="LfDocument"/>s from a CSV (header row) or JSON Lines file: the text is the value of
/// <c>textField</c>, and every column or property is a field. A row without the text field, or a line that is
/// not a JSON object, is a user error with the file and line (<see cref="LfInputException"/>).
/// </summary>
public static class LfDocumentFileReader
{
    public static IEnumerable<LfDocument> Read(string path, string textField)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsv(path, textField),
            ".jsonl" or ".ndjson" => ReadJsonLines(path, textField),
            _ => throw new LfInputException(path, 0, $"unsupported input '{extension}'; use .csv (with a header row) or .jsonl"),
        };
    }

    private static IEnumerable<LfDocument> ReadCsv(string path, string textField)
    {
        using var reader = new StreamReader(path);
        string[]? header = null;
        var textColumn = -1;
        foreach (var (line, fields) in CsvRecordReader.Read(reader))
        {
            if (header is null)
            {
                header = [.. fields.Select(f => f.Trim('\uFEFF'))];
                textColumn = Array.IndexOf(header, textField);
                if (textColumn < 0)
                    throw new LfInputException(path, line, $"no column '{textField}' in the header ({string.Join(", ", header)}); pass --text-field");
                continue;
            }
            if (fields.Count != header.Length)
                throw new LfInputException(path, line, $"row has {fields.Count} fields, the header {header.Length}; quote fields that contain commas");
            var columns = header;
            yield return new LfDocument(fields[textColumn], () => Fields(columns, fields));
        }
    }

    private static JsonElement Fields(string[] header, List<string> fields)
    {
        var json = new JsonObject();
        for (var c = 0; c < header.Length; c++)
            json[header[c]] = fields[c];
        return JsonSerializer.SerializeToElement(json);
    }

    private static IEnumerable<LfDocument> ReadJsonLines(string path, string textField)
    {
        long number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            JsonElement element;
            try
            {
                element = JsonDocument.Parse(line).RootElement;
            }
            catch (JsonException ex)
            {
                throw new LfInputException(path, number, $"invalid JSON: {ex.Message}");
            }
            if (element.ValueKind != JsonValueKind.Object)
                throw new LfInputException(path, number, "each line must be a JSON object");
            if (!element.TryGetProperty(textField, out var text) || text.ValueKind != JsonValueKind.String)
                throw new LfInputException(path, number, $"field '{textField}' missing or not a string; pass --text-field");
            yield return new LfDocument(text.GetString()!, element);
        }
    }
}
