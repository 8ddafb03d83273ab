namespace Labelforge.Core.Adjudication;

/// <summary>
/// One annotator's current label on the item, with the annotator's quality from the scorecards: gold accuracy with its
/// Wilson interval, and agreement with the latest consensus.
/// </summary>
public sealed record AdjudicationAnswer(
    string Annotator,
    long AnnotationId,
    IReadOnlyList<long> LabelIds,
    IReadOnlyList<string> Labels,
    double? GoldAccuracy,
    IReadOnlyList<double>? GoldCi95,
    double? AgreementWithConsensus,
    bool Flagged);
