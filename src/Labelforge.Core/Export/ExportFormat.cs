namespace Labelforge.Core.Export;

/// <summary>Export file formats. Wire names: jsonl, csv, parquet, label-studio, conll, spacy-jsonl.</summary>
public enum ExportFormat
{
    Jsonl,
    Csv,
    Parquet,
    LabelStudio,

    /// <summary>CoNLL token/tag lines with BIO tags (text-spans projects).</summary>
    Conll,

    /// <summary>spaCy-style JSON Lines, "text" and "spans" (text-spans projects).</summary>
    SpacyJsonl,
}
