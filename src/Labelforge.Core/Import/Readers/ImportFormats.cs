namespace Labelforge.Core.Import.Readers;

/// <summary>Wire names of <see cref="ImportFormat"/> (the --format values and API strings).</summary>
public static class ImportFormats
{
    /// <summary>All wire names, in enum order, for help texts.</summary>
    public static IReadOnlyList<string> WireNames { get; } = Enum.GetValues<ImportFormat>().Select(ToWire).ToArray();

    public static string ToWire(this ImportFormat format) => format switch
    {
        ImportFormat.Csv => "csv",
        ImportFormat.Tsv => "tsv",
        ImportFormat.Jsonl => "jsonl",
        ImportFormat.Json => "json",
        ImportFormat.TxtFolder => "txt-folder",
        ImportFormat.LabelStudio => "label-studio",
        ImportFormat.Conll => "conll",
        ImportFormat.SpacyJsonl => "spacy-jsonl",
        ImportFormat.ImageFolder => "image-folder",
        ImportFormat.Coco => "coco",
        ImportFormat.Voc => "voc",
        ImportFormat.Yolo => "yolo",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown import format"),
    };

    /// <summary>Parses a wire name (case-insensitive); also accepts "ndjson" for jsonl.</summary>
    public static bool TryParse(string? wire, out ImportFormat format)
    {
        if (string.Equals(wire, "ndjson", StringComparison.OrdinalIgnoreCase))
        {
            format = ImportFormat.Jsonl;
            return true;
        }
        foreach (var candidate in Enum.GetValues<ImportFormat>())
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
