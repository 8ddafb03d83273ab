namespace Labelforge.Core.Import.Readers;

/// <summary>Limits and buffer sizes for the import readers. Defaults suit files of any length.</summary>
public sealed record ImportReaderOptions
{
    /// <summary>The default options.</summary>
    public static ImportReaderOptions Default { get; } = new();

    /// <summary>Largest accepted value of one field, in UTF-8 bytes. Default 10 MiB. Larger fields are reported, not read.</summary>
    public int MaxFieldBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>
    /// Largest accepted row (a CSV record, a JSONL line, a JSON array element, a text file), in bytes. Default 16 MiB.
    /// Larger rows are skipped with an error without being held in memory.
    /// </summary>
    public int MaxRecordBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Most columns a CSV/TSV row may have. Default 10,000.</summary>
    public int MaxColumns { get; init; } = 10_000;

    /// <summary>Size of the read buffer, in bytes. Default 256 KiB.</summary>
    public int BufferBytes { get; init; } = 256 * 1024;
}
