namespace Labelforge.Core.Agreement;

/// <summary>
/// Everything the Agreement page shows, from one read of the answers: overall, per ISO week (the chart), per label
/// (one-vs-rest) and per annotator pair, the guideline and taxonomy changes, and the drops after a change (guideline
/// and taxonomy versions, and weeks).
/// </summary>
public sealed record AgreementOverview(
    string Metric,
    int Items,
    int Annotators,
    int Answers,
    int Bootstrap,
    AgreementEstimate Overall,
    IReadOnlyList<AgreementGroup> Weeks,
    IReadOnlyList<AgreementGroup> Labels,
    IReadOnlyList<AgreementGroup> Pairs,
    IReadOnlyList<AgreementChange> Changes,
    IReadOnlyList<AgreementAlert> Alerts);
