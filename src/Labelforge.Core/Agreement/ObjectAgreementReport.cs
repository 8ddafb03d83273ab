namespace Labelforge.Core.Agreement;

/// <summary>
/// Box agreement between the annotators of an image-objects project: the images two or more of them annotated, the
/// annotator pairs compared (one per pair and image), pooled F1 at IoU 0.5 and mean IoU overall, per label and per
/// pair, and how many of the objects were polygons (matched by polygon IoU, not as their bounding boxes).
/// </summary>
public sealed record ObjectAgreementReport(
    int Items,
    IReadOnlyList<string> Annotators,
    long ComparedPairs,
    BoxLabelAgreement Overall,
    IReadOnlyList<BoxLabelAgreement> PerLabel,
    IReadOnlyList<BoxPairAgreement> Pairs,
    int Polygons);

/// <summary>Box agreement of one label (null: all labels): boxes compared (both sides), matched pairs, F1 at IoU 0.5, mean IoU of the matches.</summary>
public sealed record BoxLabelAgreement(string? Label, long Boxes, long Matches, double? F1, double? MeanIoU);

/// <summary>Box agreement of two annotators over the images both annotated.</summary>
public sealed record BoxPairAgreement(string A, string B, int Items, long Boxes, long Matches, double? F1, double? MeanIoU);
