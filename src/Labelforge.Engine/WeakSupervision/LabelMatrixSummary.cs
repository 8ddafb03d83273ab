namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Whole-matrix statistics in Snorkel's LFAnalysis sense: the fraction of items with at least one vote
/// (coverage), at least two votes (overlap), and at least two different votes (conflict).
/// </summary>
/// <param name="Items">Number of rows n.</param>
/// <param name="Coverage">Fraction of items with at least one vote.</param>
/// <param name="Overlap">Fraction of items with at least two votes.</param>
/// <param name="Conflict">Fraction of items with at least two different votes.</param>
/// <param name="Functions">Per labeling function statistics, in column order.</param>
public sealed record LabelMatrixSummary(
    int Items,
    double Coverage,
    double Overlap,
    double Conflict,
    IReadOnlyList<LabelingFunctionSummary> Functions);
