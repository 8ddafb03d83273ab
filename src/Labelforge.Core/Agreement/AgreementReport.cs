namespace Labelforge.Core.Agreement;

/// <summary>
/// A class-label project's agreement: overall, the requested breakdown's groups, the guideline and taxonomy changes
/// (chart markers) and the drops after a change (<see cref="Alerts"/>, checked over guideline and taxonomy versions
/// always and over weeks when the breakdown is by week).
/// </summary>
public sealed record AgreementReport(
    string Metric,
    int Items,
    int Annotators,
    int Answers,
    int Bootstrap,
    AgreementEstimate Overall,
    string? By,
    IReadOnlyList<AgreementGroup> Groups,
    IReadOnlyList<AgreementChange> Changes,
    IReadOnlyList<AgreementAlert> Alerts);
