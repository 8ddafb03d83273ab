using Parquet;
using Parquet.Schema;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Parquet export with Parquet.Net, in row groups of <see cref="ExportOptions.ParquetRowGroupRows"/> so memory
/// stays flat. Plain columns that pandas and pyarrow read directly: labels '|'-joined, annotations (by author) and
/// data as JSON strings, like the CSV export. Parquet needs a seekable output; other streams get the file through a
/// temporary file.
/// </summary>
internal static class ParquetExportWriter
{
    public static Task<long> WriteItemsAsync(Stream output, IAsyncEnumerable<ExportItem> items, ExportOptions options, CancellationToken ct) =>
        WriteGroupsAsync(output, items, new ParquetItemBatch(options.ParquetRowGroupRows), ParquetItemBatch.Fields, ct);

    public static Task<long> WriteEventsAsync(Stream output, IAsyncEnumerable<ExportEvent> events, ExportOptions options, CancellationToken ct) =>
        WriteGroupsAsync(output, events, new ParquetEventBatch(options.ParquetRowGroupRows), ParquetEventBatch.Fields, ct);

    private static async Task<long> WriteGroupsAsync<T>(Stream output, IAsyncEnumerable<T> source, IParquetBatch<T> batch, Field[] fields, CancellationToken ct)
    {
        if (!output.CanSeek)
            return await ThroughTempFileAsync(output, s => WriteGroupsAsync(s, source, batch, fields, ct), ct);
        var rows = 0L;
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, cancellationToken: ct);
        await using (writer)
        {
            await foreach (var row in source.WithCancellation(ct))
            {
                batch.Add(row);
                rows++;
                if (batch.IsFull)
                    await batch.WriteAsync(writer, ct);
            }
            if (batch.Count > 0 || rows == 0)
                await batch.WriteAsync(writer, ct);
        }
        await output.FlushAsync(ct);
        return rows;
    }

    private static async Task<long> ThroughTempFileAsync(Stream output, Func<Stream, Task<long>> write, CancellationToken ct)
    {
        var path = Path.GetTempFileName();
        await using var temp = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        var rows = await write(temp);
        temp.Position = 0;
        await temp.CopyToAsync(output, ct);
        return rows;
    }
}
