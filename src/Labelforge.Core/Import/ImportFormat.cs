namespace Labelforge.Core.Import;

/// <summary>File formats the importer reads. Wire names: csv, tsv, jsonl, json, txt-folder, label-studio, image-folder.</summary>
public enum ImportFormat
{
    Csv,
    Tsv,
    Jsonl,
    Json,
    TxtFolder,
    LabelStudio,
    ImageFolder,
}
