using System.Runtime.CompilerServices;

namespace Labelforge.Core.Import.Readers.Json;

/// <summary>
/// Reads a file that holds one JSON object (one Label Studio task, as Label Studio also accepts) as a single row.
/// The object is held whole, so it is bounded by <see cref="ImportReaderOptions.MaxRecordBytes"/>.
/// </summary>
internal static class JsonSingleObjectReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        ImportInput input, string source, JsonArrayReader.ElementMapper map, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct)
    {
        while (!input.Eof && input.Length <= options.MaxRecordBytes)
            await input.FillAsync(options.MaxRecordBytes + 1, ct);
        if (input.Length > options.MaxRecordBytes)
        {
            yield return ImportEntry.Bad(new ImportError(source, 1, null, OversizedRows.Message(options)));
            yield break;
        }
        var first = input.Data.IndexOfAnyExcept(" \t\r\n"u8);
        input.AdvanceCountingLines(first);
        var last = input.Data.LastIndexOfAnyExcept(" \t\r\n"u8);
        yield return map(input.Memory[..(last + 1)], input.Line);
    }
}
