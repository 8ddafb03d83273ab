using System.Text.Json;
using Labelforge.Cli.Output;

namespace Labelforge.Cli.Input;

/// <summary>
/// Reads a text field and a label field from CSV (RFC 4180), TSV or JSON Lines, optionally gzipped. The format comes
/// from the extension before any .gz unless given. Label names become class indices in ordinal name order.
/// </summary>
internal static class LabeledTextReader
{
    public static LabeledText Read(string path, string? format, string textField, string labelField)
    {
        format = (format ?? InputFile.FormatExtension(path)).ToLowerInvariant();
        var rows = format switch
        {
            "csv" => ReadDelimited(path, ',', quoting: true, textField, labelField),
            "tsv" or "tab" => ReadDelimited(path, '\t', quoting: false, textField, labelField),
            "jsonl" or "ndjson" => ReadJsonLines(path, textField, labelField),
            _ => throw new CliException($"{path}: unknown format '{format}'; use a .csv, .tsv or .jsonl file (optionally .gz) or pass --format"),
        };
        if (rows.Count == 0)
            throw new CliException($"{path}: no data rows; the file needs a header and at least one row");
        var names = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        return new LabeledText([.. rows.Select(r => r.Text)], [.. rows.Select(r => index[r.Label])], names);
    }

    private static List<(string Text, string Label)> ReadDelimited(string path, char delimiter, bool quoting, string textField, string labelField)
    {
        using var reader = InputFile.OpenText(path);
        var rows = new List<(string, string)>();
        int textAt = -1, labelAt = -1, width = 0;
        foreach (var record in new DelimitedReader(reader, delimiter, quoting, path).Records())
        {
            if (width == 0)
            {
                width = record.Fields.Length;
                textAt = Array.FindIndex(record.Fields, f => f.Trim() == textField);
                labelAt = Array.FindIndex(record.Fields, f => f.Trim() == labelField);
                if (textAt < 0 || labelAt < 0)
                    throw new CliException($"{path}:{record.Line}: the header has no column '{(textAt < 0 ? textField : labelField)}' (columns: {string.Join(", ", record.Fields)}); pass --text-field and --label-field");
                continue;
            }
            if (record.Fields.Length != width)
                throw new CliException($"{path}:{record.Line}: expected {width} fields like the header but found {record.Fields.Length}; quote fields that contain the delimiter");
            rows.Add((record.Fields[textAt], RequireLabel(path, record.Line, labelField, record.Fields[labelAt])));
        }
        return rows;
    }

    private static List<(string Text, string Label)> ReadJsonLines(string path, string textField, string labelField)
    {
        using var reader = InputFile.OpenText(path);
        var rows = new List<(string, string)>();
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            JsonElement root;
            try
            {
                using var doc = JsonDocument.Parse(text);
                root = doc.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new CliException($"{path}:{line}: not valid JSON ({ex.Message}); write one JSON object per line");
            }
            rows.Add((Field(path, line, root, textField), RequireLabel(path, line, labelField, Field(path, line, root, labelField))));
        }
        return rows;
    }

    private static string Field(string path, int line, JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var value))
            throw new CliException($"{path}:{line}: field '{name}' is missing; every line needs it");
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new CliException($"{path}:{line}: field '{name}' is {value.ValueKind}, not text or a number"),
        };
    }

    private static string RequireLabel(string path, int line, string field, string label) =>
        string.IsNullOrWhiteSpace(label)
            ? throw new CliException($"{path}:{line}: field '{field}' is empty; a simulation needs every item labeled")
            : label.Trim();
}
