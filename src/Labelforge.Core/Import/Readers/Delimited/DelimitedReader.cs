using System.Runtime.CompilerServices;

namespace Labelforge.Core.Import.Readers.Delimited;

/// <summary>
/// Reads CSV (',') or TSV (tab) into import entries, one record at a time: the first record is the header row, or,
/// with <see cref="ImportFieldMap.NoHeader"/>, data whose columns are named column_1, column_2, ...
/// </summary>
internal static class DelimitedReader
{
    public static async IAsyncEnumerable<ImportEntry> ReadAsync(
        ImportInput input, byte delimiter, string source, ImportFieldMap map, ImportReaderOptions options,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var parser = new DelimitedParser(delimiter, options);
        DelimitedRowMapper? mapper = null;
        var rows = 0L;
        while (true)
        {
            if (!parser.TryRead(input))
            {
                if (input.Eof)
                    break;
                await input.FillAsync(options.BufferBytes, ct);
                continue;
            }
            if (parser.IsBlank)
                continue;
            if (mapper is null)
            {
                mapper = DelimitedRowMapper.Create(parser, source, map, options, out var error);
                if (mapper is null)
                {
                    yield return ImportEntry.Bad(error!);
                    yield break;
                }
                if (!map.NoHeader)
                    continue;
            }
            rows++;
            yield return mapper.Map(parser);
        }
        if (rows == 0)
            yield return ImportEntry.Bad(new ImportError(source, 0, null, mapper is null || map.NoHeader ? "file is empty" : "file has a header row but no data rows"));
    }
}
