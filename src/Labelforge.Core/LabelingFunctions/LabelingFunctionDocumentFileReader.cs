using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Labelforge.Core.Csv;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// Streams <see cref="LabelingFunctionDocument"/>s from a CSV (header row) or JSON Lines file: the text is the value of
/// <c>textField</c>, and every column or property is a field. A row without the text field, or a line that is
/// not a JSON object, is a user error with the file and line (<see cref="LabelingFunctionInputException"/>).
/// </summary>
public static class LabelingFunctionDocumentFileReader
{
    /// <param name="path">A .csv (header row) or .jsonl file.</param>
    /// <param name="textField">The column or property holding the text.</param>
    /// <param name="withFields">
    /// Whether documents carry their fields; false when no function reads them (keyword and regex functions read the
    /// text alone), so a CSV row costs one string.
    /// </param>
    public static IEnumerable<LabelingFunctionDocument> Read(string path, string textField, bool withFields = true)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".csv" => ReadCsv(path, textField, withFields),
            ".jsonl" or ".ndjson" => ReadJsonLines(path, textField),
            _ => throw new LabelingFunctionInputException(path, 0, $"unsupported input '{extension}'; use .csv (with a header row) or .jsonl"),
        };
    }

    private static IEnumerable<LabelingFunctionDocument> ReadCsv(string path, string textField, bool withFields)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvRecordReader(reader);
        if (!csv.ReadRecord())
            yield break;
        var header = new string[csv.FieldCount];
        for (var c = 0; c < header.Length; c++)
            header[c] = csv.FieldString(c).Trim('\uFEFF');
        var textColumn = Array.IndexOf(header, textField);
        if (textColumn < 0)
            throw new LabelingFunctionInputException(path, csv.Line, $"no column '{textField}' in the header ({string.Join(", ", header)}); pass --text-field");
        while (csv.ReadRecord())
        {
            if (csv.FieldCount != header.Length)
                throw new LabelingFunctionInputException(path, csv.Line, $"row has {csv.FieldCount} fields, the header {header.Length}; quote fields that contain commas");
            if (!withFields)
            {
                yield return new LabelingFunctionDocument(csv.FieldString(textColumn));
                continue;
            }
            var fields = new string[header.Length];
            for (var c = 0; c < fields.Length; c++)
                fields[c] = csv.FieldString(c);
            yield return new LabelingFunctionDocument(fields[textColumn], () => Fields(header, fields));
        }
    }

    private static JsonElement Fields(string[] header, string[] fields)
    {
        var json = new JsonObject();
        for (var c = 0; c < header.Length; c++)
            json[header[c]] = fields[c];
        return JsonSerializer.SerializeToElement(json);
    }

    private static IEnumerable<LabelingFunctionDocument> ReadJsonLines(string path, string textField)
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
                throw new LabelingFunctionInputException(path, number, $"invalid JSON: {ex.Message}");
            }
            if (element.ValueKind != JsonValueKind.Object)
                throw new LabelingFunctionInputException(path, number, "each line must be a JSON object");
            if (!element.TryGetProperty(textField, out var text) || text.ValueKind != JsonValueKind.String)
                throw new LabelingFunctionInputException(path, number, $"field '{textField}' missing or not a string; pass --text-field");
            yield return new LabelingFunctionDocument(text.GetString()!, element);
        }
    }
}
