using System.Text.Json;

namespace Labelforge.Core.Import.Readers.Json;

/// <summary>Turns System.Text.Json reader errors into messages with our own line numbers.</summary>
internal static class JsonErrors
{
    /// <summary>The reason without the reader's own position suffix (its line numbers count from the row, not the file).</summary>
    public static string Describe(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
            message = message[..cut];
        var position = ex.BytePositionInLine is { } byteInLine ? $" at byte {byteInLine + 1} of the line" : "";
        return $"invalid JSON{position}: {message.TrimEnd('.', ' ')}";
    }

    public static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.StartObject => "object",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };
}
