namespace Labelforge.Core.Import.Readers;

/// <summary>File formats the importer reads. Wire names: csv, tsv, jsonl, json, txt-folder, label-studio.</summary>
public enum ImportFormat
{
    Csv,
    Tsv,
    Jsonl,
    Json,
    TxtFolder,
    LabelStudio,
}
