namespace Labelforge.Core.Export;

/// <summary>Export file formats. Wire names: jsonl, csv, parquet, label-studio, conll, spacy-jsonl, coco, voc, yolo.</summary>
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

    /// <summary>A COCO instances file (image-objects projects).</summary>
    Coco,

    /// <summary>A folder of Pascal VOC XML files, one per annotated image (image-objects projects).</summary>
    Voc,

    /// <summary>A folder of YOLO txt files, one per annotated image, with classes.txt (image-objects projects).</summary>
    Yolo,
}
