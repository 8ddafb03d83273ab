using Labelforge.Core.Import.Readers.Json;

namespace Labelforge.Core.Import.Readers;

/// <summary>Guesses a format from a file name, and tells what a .json file holds by its first bytes.</summary>
internal static class ImportFormatDetector
{
    public static ImportFormat? FromExtension(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".csv" => ImportFormat.Csv,
        ".tsv" or ".tab" => ImportFormat.Tsv,
        ".jsonl" or ".ndjson" => ImportFormat.Jsonl,
        ".json" => ImportFormat.Json,
        ".conll" or ".conll03" or ".iob" or ".bio" => ImportFormat.Conll,
        _ => null,
    };

    /// <summary>
    /// The format of a .json file by content: label-studio for Label Studio tasks (an array of them, or one task
    /// object), jsonl for one object per line, coco for a COCO dataset (an object with "images"), otherwise json (whose reader names anything else it finds).
    /// </summary>
    public static ImportFormat FromJsonContent(ReadOnlySpan<byte> head) => JsonShape.Of(head).Shape switch
    {
        JsonShape.Kind.LabelStudioTasks or JsonShape.Kind.LabelStudioTask => ImportFormat.LabelStudio,
        JsonShape.Kind.JsonLines => ImportFormat.Jsonl,
        JsonShape.Kind.Coco => ImportFormat.Coco,
        _ => ImportFormat.Json,
    };
}
