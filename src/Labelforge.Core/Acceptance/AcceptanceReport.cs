namespace Labelforge.Core.Acceptance;

/// <summary>
/// Acceptance bias of a project: counts of current human labels made with an accepted or corrected model suggestion or
/// from scratch, the acceptance rate overall and per model version, and accuracy against gold or independent labels.
/// </summary>
public sealed record AcceptanceReport(
    string Project,
    int Accepted,
    int Corrected,
    int Scratch,
    ProportionEstimate AcceptanceRate,
    IReadOnlyList<ModelAcceptance> ByModel,
    AccuracyComparison Accuracy);
