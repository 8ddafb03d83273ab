using System.Runtime.CompilerServices;

namespace Labelforge.Core.Import.Readers.Json;

/// <summary>Reads JSON Lines: one object per line; blank lines are skipped; LF or CRLF line ends.</summary>
internal static class JsonlReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        ImportInput input, string source, ImportFieldMap map, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var mapper = new JsonObjectMapper(source, map, options);
        var line = 1L;
        var rows = 0L;
        while (true)
        {
            var newline = input.Data.IndexOf((byte)'\n');
            if (newline < 0 && !input.Eof)
            {
                if (input.Length < options.MaxRecordBytes)
                {
                    await input.FillAsync(options.MaxRecordBytes, ct);
                    continue;
                }
                var field = OversizedRows.FieldInProgress(input.Data);
                await OversizedRows.SkipLineAsync(input, options, ct);
                yield return ImportEntry.Bad(new ImportError(source, line++, field, OversizedRows.Message(options)));
                rows++;
                continue;
            }
            if (newline < 0 && input.Length == 0)
                break;
            var length = newline < 0 ? input.Length : newline;
            var bytes = Trim(input.Memory[..length]);
            if (bytes.Length > options.MaxRecordBytes)
            {
                rows++;
                var field = OversizedRows.FieldInProgress(bytes.Span[..options.MaxRecordBytes]);
                yield return ImportEntry.Bad(new ImportError(source, line, field, OversizedRows.Message(options)));
            }
            else if (!bytes.IsEmpty)
            {
                rows++;
                yield return mapper.Map(bytes, line);
            }
            input.Advance(newline < 0 ? length : length + 1);
            line++;
        }
        if (rows == 0)
            yield return ImportEntry.Bad(new ImportError(source, 0, null, "file is empty"));
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        var start = span.IndexOfAnyExcept(" \t\r"u8);
        if (start < 0)
            return ReadOnlyMemory<byte>.Empty;
        var end = span.LastIndexOfAnyExcept(" \t\r"u8);
        return bytes[start..(end + 1)];
    }
}
