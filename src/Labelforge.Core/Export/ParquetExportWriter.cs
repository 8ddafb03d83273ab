using Parquet;
using Parquet.Schema;

namespace Labelforge.Core.Export;

/// <summary>
/// Parquet export with Parquet.Net, in row groups of <see cref="ExportOptions.ParquetRowGroupRows"/> so memory
/// stays flat. Plain columns that pandas and pyarrow read directly: labels '|'-joined, annotations (by author) and
/// data as JSON strings, like the CSV export. Parquet needs a seekable output; other streams get the file through a
/// temporary file.
/// </summary>
internal static class ParquetExportWriter
{
    public static async Task<long> WriteItemsAsync(Stream output, IAsyncEnumerable<ExportItem> items, ExportOptions options, CancellationToken ct)
    {
        if (!output.CanSeek)
            return await ThroughTempFileAsync(output, s => WriteItemsAsync(s, items, options, ct), ct);
        var batch = new ParquetItemBatch(options.ParquetRowGroupRows);
        var rows = 0L;
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(ParquetItemBatch.Fields), output, cancellationToken: ct);
        await using (writer)
        {
            await foreach (var item in items.WithCancellation(ct))
            {
                batch.Add(item);
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

    public static async Task<long> WriteEventsAsync(Stream output, IAsyncEnumerable<ExportEvent> events, ExportOptions options, CancellationToken ct)
    {
        if (!output.CanSeek)
            return await ThroughTempFileAsync(output, s => WriteEventsAsync(s, events, options, ct), ct);
        var batch = new ParquetEventBatch(options.ParquetRowGroupRows);
        var rows = 0L;
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(ParquetEventBatch.Fields), output, cancellationToken: ct);
        await using (writer)
        {
            await foreach (var e in events.WithCancellation(ct))
            {
                batch.Add(e);
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
