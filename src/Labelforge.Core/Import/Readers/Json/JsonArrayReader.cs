using System.Runtime.CompilerServices;

namespace Labelforge.Core.Import.Readers.Json;

/// <summary>
/// Streams the elements of a top-level JSON array (a plain JSON export or a Label Studio export) without loading
/// the file: each element is cut out by <see cref="JsonElementScanner"/> and mapped on its own, so a broken
/// element is reported with its line and the next one is still read.
/// </summary>
internal static class JsonArrayReader
{
    public delegate ImportEntry ElementMapper(ReadOnlyMemory<byte> element, long line);

    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        ImportInput input, string source, ElementMapper map, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await SkipWhitespaceAsync(input, options, ct);
        input.AdvanceCountingLines(1);
        var scanner = new JsonElementScanner();
        var elements = 0L;
        while (true)
        {
            if (!await SkipWhitespaceAsync(input, options, ct))
            {
                yield return Bad(source, input.Line, "file ends before the array is closed with ']'");
                yield break;
            }
            if (elements == 0 && input.Data[0] == ']')
            {
                input.AdvanceCountingLines(1);
                break;
            }
            var line = input.Line;
            var (found, oversizedField) = await ScanElementAsync(input, scanner, options, ct);
            if (!found)
            {
                yield return Bad(source, line, "file ends inside the element that starts on this line; a closing '}', ']' or '\"' is missing");
                yield break;
            }
            elements++;
            if (oversizedField is null && scanner.Position > options.MaxRecordBytes)
                oversizedField = OversizedRows.FieldInProgress(input.Data[..options.MaxRecordBytes]) ?? "";
            yield return oversizedField is { } skipped
                ? ImportEntry.Bad(new ImportError(source, line, skipped.Length == 0 ? null : skipped, OversizedRows.Message(options)))
                : MapElement(input.Memory[..scanner.Position], line, source, map);
            var last = scanner.Terminator == ']';
            input.AdvanceCountingLines(scanner.Position + 1);
            if (last)
                break;
        }
        if (await SkipWhitespaceAsync(input, options, ct))
            yield return Bad(source, input.Line, "unexpected content after the closing ']' of the array");
        else if (elements == 0)
            yield return Bad(source, 0, "file is an empty array");
    }

    private static ImportEntry MapElement(ReadOnlyMemory<byte> element, long line, string source, ElementMapper map)
    {
        var span = element.Span;
        var end = span.LastIndexOfAnyExcept(" \t\r\n"u8);
        return end < 0
            ? Bad(source, line, "empty array element (a stray or trailing comma?)")
            : map(element[..(end + 1)], line);
    }

    /// <summary>
    /// Scans one element at the start of the window. Elements over the row limit are skipped while scanning; then
    /// the second value is the field they were in ("" when unknown) and the window holds only the element's tail.
    /// </summary>
    private static async ValueTask<(bool Found, string? OversizedField)> ScanElementAsync(
        ImportInput input, JsonElementScanner scanner, ImportReaderOptions options, CancellationToken ct)
    {
        scanner.Reset();
        string? oversized = null;
        while (!scanner.Scan(input.Data))
        {
            if (input.Eof)
                return (false, oversized);
            if (oversized is null && input.Length >= options.MaxRecordBytes)
                oversized = OversizedRows.FieldInProgress(input.Data) ?? "";
            if (oversized is not null)
            {
                input.AdvanceCountingLines(scanner.Position);
                scanner.Rebase();
            }
            await input.FillAsync(options.MaxRecordBytes, ct);
        }
        return (true, oversized);
    }

    /// <summary>Skips whitespace; false at the end of the input.</summary>
    private static async ValueTask<bool> SkipWhitespaceAsync(ImportInput input, ImportReaderOptions options, CancellationToken ct)
    {
        while (true)
        {
            var first = input.Data.IndexOfAnyExcept(" \t\r\n"u8);
            if (first >= 0)
            {
                input.AdvanceCountingLines(first);
                return true;
            }
            input.AdvanceCountingLines(input.Length);
            if (!await input.FillAsync(options.BufferBytes, ct))
                return false;
        }
    }

    private static ImportEntry Bad(string source, long line, string message) => ImportEntry.Bad(new ImportError(source, line, null, message));
}
