namespace Labelforge.Core.Import.Readers;

/// <summary>File formats the importer reads. Wire names: csv, tsv, jsonl, json, txt-folder, label-studio, conll, spacy-jsonl, image-folder, coco, voc, yolo.</summary>
public enum ImportFormat
{
    Csv,
    Tsv,
    Jsonl,
    Json,
    TxtFolder,
    LabelStudio,

    /// <summary>CoNLL-2003 style token/tag lines (text-spans projects).</summary>
    Conll,

    /// <summary>spaCy-style JSON Lines with "text" and "spans" (text-spans projects).</summary>
    SpacyJsonl,

    /// <summary>A folder of image files (image projects): one item per image, stored in the media store.</summary>
    ImageFolder,

    /// <summary>A COCO instances JSON file (image-objects projects): images, categories, boxes and polygons.</summary>
    Coco,

    /// <summary>A folder of Pascal VOC XML files, one per image (image-objects projects).</summary>
    Voc,

    /// <summary>A folder of YOLO txt files, one per image, with a classes file (image-objects projects).</summary>
    Yolo,
}
