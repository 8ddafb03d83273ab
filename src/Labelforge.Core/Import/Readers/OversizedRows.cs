using System.Text.Json;

namespace Labelforge.Core.Import.Readers;

/// <summary>Skips a JSON row larger than the row limit without holding it, and names the field that was too long.</summary>
internal static class OversizedRows
{
    public static string Message(ImportReaderOptions options) =>
        $"row is over the limit of {options.MaxRecordBytes:N0} bytes and was skipped; shorten its longest field or raise the limit";

    /// <summary>The top-level field whose value the first bytes of a JSON object end inside, if the bytes show it.</summary>
    public static string? FieldInProgress(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        string? field = null;
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 1 && reader.TokenType == JsonTokenType.PropertyName)
                    field = reader.GetString();
            }
        }
        catch (JsonException)
        {
            return field;
        }
        return field;
    }

    /// <summary>Discards input up to and including the next line break (or to the end).</summary>
    public static async ValueTask SkipLineAsync(ImportInput input, ImportReaderOptions options, CancellationToken ct)
    {
        while (true)
        {
            var newline = input.Data.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                input.Advance(newline + 1);
                return;
            }
            input.Advance(input.Length);
            if (!await input.FillAsync(options.BufferBytes, ct))
                return;
        }
    }
}
