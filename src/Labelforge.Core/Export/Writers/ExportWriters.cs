namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Streaming export writers: JSON Lines, CSV, Parquet and Label Studio JSON. Rows are written as they arrive from
/// the async sequence (memory stays flat for any number of rows); the output stream is flushed but not closed.
/// Each method returns the number of rows written.
/// </summary>
public static class ExportWriters
{
    /// <summary>Writes items with their current labels.</summary>
    public static Task<long> WriteItemsAsync(
        Stream output, ExportFormat format, IAsyncEnumerable<ExportItem> items, ExportOptions options, CancellationToken ct = default) =>
        format switch
        {
            ExportFormat.Jsonl => JsonlExportWriter.WriteItemsAsync(new ExportBuffer(output, options), items, ct),
            ExportFormat.Csv => CsvExportWriter.WriteItemsAsync(new ExportBuffer(output, options), items, ct),
            ExportFormat.Parquet => ParquetExportWriter.WriteItemsAsync(output, items, options, ct),
            ExportFormat.LabelStudio => new LabelStudioExportWriter(new ExportBuffer(output, options), options).WriteItemsAsync(items, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
        };

    /// <summary>Writes items from their stored form: JSON Lines writes the stored UTF-8 as it is, the others take <see cref="ExportItem"/>s.</summary>
    internal static Task<long> WriteStoredItemsAsync(
        Stream output, ExportFormat format, ExportItemCursor items, ExportOptions options, CancellationToken ct = default) =>
        format == ExportFormat.Jsonl
            ? JsonlExportWriter.WriteItemsAsync(new ExportBuffer(output, options), items, ct)
            : WriteItemsAsync(output, format, items.Items(ct).ToAsyncEnumerable(), options, ct);

    /// <summary>
    /// Writes the annotation history, one row per event. Label Studio has no place for history, so
    /// <see cref="ExportFormat.LabelStudio"/> throws <see cref="ArgumentException"/>; check <see cref="ExportFormats.SupportsHistory"/> first.
    /// </summary>
    public static Task<long> WriteEventsAsync(
        Stream output, ExportFormat format, IAsyncEnumerable<ExportEvent> events, ExportOptions options, CancellationToken ct = default) =>
        format switch
        {
            ExportFormat.Jsonl => JsonlExportWriter.WriteEventsAsync(new ExportBuffer(output, options), events, ct),
            ExportFormat.Csv => CsvExportWriter.WriteEventsAsync(new ExportBuffer(output, options), events, ct),
            ExportFormat.Parquet => ParquetExportWriter.WriteEventsAsync(output, events, options, ct),
            ExportFormat.LabelStudio => throw new ArgumentException("label-studio exports hold current labels only; use jsonl, csv or parquet for the history", nameof(format)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
        };
}
