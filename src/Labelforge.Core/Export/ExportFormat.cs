namespace Labelforge.Core.Export;

/// <summary>Export file formats. Wire names: jsonl, csv, parquet, label-studio.</summary>
public enum ExportFormat
{
    Jsonl,
    Csv,
    Parquet,
    LabelStudio,
}
