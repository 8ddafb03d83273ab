using System.Text.Json;
using Labelforge.Core.Import.Readers.Json;

namespace Labelforge.Core.Import.Readers;

/// <summary>
/// Looks at the first bytes of a source to catch the wrong file before parsing it: empty files, binary data,
/// UTF-16, and JSON named .csv or CSV named .jsonl. Each finding is one file-level error that names the fix.
/// </summary>
internal static class ImportSniffer
{
    /// <summary>How many leading bytes the checks look at.</summary>
    public const int HeadBytes = 64 * 1024;

    /// <summary>A file-level error for <paramref name="head"/> (after the BOM) read as <paramref name="format"/>, or null.</summary>
    public static ImportError? Check(ReadOnlySpan<byte> head, ImportFormat format, string source)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return FileError(source, "file is UTF-16 encoded; save it as UTF-8 and import again");
        var nul = head.IndexOf((byte)0);
        if (nul >= 0)
            return FileError(source, $"file contains binary data (a NUL byte at byte {nul + 1}), not {Describe(format)} text; is it the right file?");
        var first = head.IndexOfAnyExcept(" \t\r\n"u8);
        if (first < 0)
            return FileError(source, "file is empty");
        return Mismatch(head[first], head, format, source);
    }

    private static ImportError? Mismatch(byte first, ReadOnlySpan<byte> head, ImportFormat format, string source)
    {
        switch (format)
        {
            case ImportFormat.Csv or ImportFormat.Tsv when first is (byte)'{' or (byte)'[' && StartsAsJson(head):
                var suggestion = first == '{' ? "jsonl" : "json (or label-studio)";
                return FileError(source, $"file starts with '{(char)first}', so it looks like JSON, not {Describe(format)}; use --format {suggestion}");
            case ImportFormat.Jsonl when first == '[':
                return FileError(source, "file starts with '[', so it is a JSON array, not JSON Lines; use --format json (or label-studio)");
            case ImportFormat.Jsonl when first != '{':
                return FileError(source, $"first line is not a JSON object, so this is not JSON Lines; use --format {GuessDelimited(head)} if it is a table");
            case ImportFormat.Jsonl or ImportFormat.Json or ImportFormat.LabelStudio when first == '{':
                var body = head[head.IndexOf((byte)'{')..];
                var line = body.IndexOf((byte)'\n');
                var firstLineComplete = line < 0 || JsonShape.Of(body[..line]).Complete;
                return JsonShape.Of(body).Problem(format, firstLineComplete) is { } problem ? FileError(source, problem) : null;
            case ImportFormat.SpacyJsonl when first != '{':
                return FileError(source, "first line is not a JSON object, so this is not spaCy JSON Lines ({\"text\": ..., \"spans\": [...]} per line)");
            case ImportFormat.Conll when first is (byte)'{' or (byte)'[':
                return FileError(source, $"file starts with '{(char)first}', so it looks like JSON, not CoNLL token lines; use --format spacy-jsonl or label-studio");
            case ImportFormat.Json or ImportFormat.LabelStudio when first != '[':
                return FileError(source, $"file does not start with '[', so it is not a JSON array; use --format {GuessDelimited(head)} if it is a table");
            default:
                return null;
        }
    }

    /// <summary>True when the first few JSON tokens read cleanly, so a CSV cell like "[x]" is not taken for JSON.</summary>
    private static bool StartsAsJson(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        try
        {
            var tokens = 0;
            while (tokens < 3 && reader.Read())
                tokens++;
            return tokens == 3 || reader.BytesConsumed == head.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string GuessDelimited(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf((byte)'\n');
        var line = lineEnd < 0 ? head : head[..lineEnd];
        return line.Count((byte)'\t') > line.Count((byte)',') ? "tsv" : "csv";
    }

    private static string Describe(ImportFormat format) => format switch
    {
        ImportFormat.Csv => "CSV",
        ImportFormat.Tsv => "TSV",
        ImportFormat.Jsonl => "JSON Lines",
        ImportFormat.LabelStudio => "Label Studio JSON",
        ImportFormat.Conll => "CoNLL",
        _ => "JSON",
    };

    private static ImportError FileError(string source, string message) => new(source, 0, null, message);
}
