namespace Labelforge.Core.Export;

/// <summary>Wire names of <see cref="ExportFormat"/> (the --format values and API strings).</summary>
public static class ExportFormats
{
    /// <summary>All wire names, in enum order, for help texts.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<ExportFormat>().Select(ToWire).ToArray();

    public static string ToWire(this ExportFormat format) => format switch
    {
        ExportFormat.Jsonl => "jsonl",
        ExportFormat.Csv => "csv",
        ExportFormat.Parquet => "parquet",
        ExportFormat.LabelStudio => "label-studio",
        ExportFormat.Conll => "conll",
        ExportFormat.SpacyJsonl => "spacy-jsonl",
        ExportFormat.Coco => "coco",
        ExportFormat.Voc => "voc",
        ExportFormat.Yolo => "yolo",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown export format"),
    };

    /// <summary>The usual file extension, with the dot; a folder format streamed as one download is a zip of the folder.</summary>
    public static string Extension(this ExportFormat format) => format switch
    {
        ExportFormat.LabelStudio or ExportFormat.Coco => ".json",
        ExportFormat.Voc or ExportFormat.Yolo => ".zip",
        ExportFormat.Conll => ".conll",
        ExportFormat.SpacyJsonl => ".jsonl",
        _ => "." + format.ToWire(),
    };

    /// <summary>The HTTP content type of the format.</summary>
    public static string ContentType(this ExportFormat format) => format switch
    {
        ExportFormat.Jsonl or ExportFormat.SpacyJsonl => "application/x-ndjson",
        ExportFormat.Conll => "text/plain; charset=utf-8",
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Parquet => "application/vnd.apache.parquet",
        ExportFormat.Voc or ExportFormat.Yolo => "application/zip",
        _ => "application/json",
    };

    /// <summary>True for formats written as a folder of files, one per image (voc, yolo), not one stream.</summary>
    public static bool IsFolder(this ExportFormat format) => format is ExportFormat.Voc or ExportFormat.Yolo;

    /// <summary>True for formats that can hold the annotation history (jsonl, csv, parquet).</summary>
    public static bool SupportsHistory(this ExportFormat format) => format is ExportFormat.Jsonl or ExportFormat.Csv or ExportFormat.Parquet;

    /// <summary>Parses a wire name (case-insensitive); also accepts "ndjson" for jsonl.</summary>
    public static bool TryParse(string? wire, out ExportFormat format)
    {
        if (string.Equals(wire, "ndjson", StringComparison.OrdinalIgnoreCase))
        {
            format = ExportFormat.Jsonl;
            return true;
        }
        foreach (var candidate in Enum.GetValues<ExportFormat>())
        {
            if (string.Equals(candidate.ToWire(), wire, StringComparison.OrdinalIgnoreCase))
            {
                format = candidate;
                return true;
            }
        }
        format = default;
        return false;
    }
}
