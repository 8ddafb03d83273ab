namespace Labelforge.Core.Export;

/// <summary>Settings of the export writers; the defaults suit any number of rows.</summary>
public sealed record ExportOptions
{
    /// <summary>The default options.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>Rows per Parquet row group. Default 50,000: large enough for good compression, small enough to keep memory flat.</summary>
    public int ParquetRowGroupRows { get; init; } = 50_000;

    /// <summary>Bytes gathered before each write to the output stream (JSONL, CSV, Label Studio). Default 256 KiB.</summary>
    public int FlushBytes { get; init; } = 256 * 1024;

    /// <summary>Label Studio control and object names of the exported "choices" results. Defaults "label" and "text".</summary>
    public string LabelStudioFromName { get; init; } = "label";

    public string LabelStudioToName { get; init; } = "text";

    /// <summary>
    /// Add a "text" key to task data that has none, so Label Studio's default config finds the text. Default true;
    /// false when the project has its own control names (its data came from Label Studio and stays as it was).
    /// </summary>
    public bool LabelStudioAddTextKey { get; init; } = true;
}
