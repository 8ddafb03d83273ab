namespace Labelforge.Core.Agreement;

/// <summary>
/// Agreement between the annotators of a text-spans project: pairwise exact and partial-match F1 over the items at
/// least two of them annotated, overall and per label (see Engine's SpanAgreement).
/// </summary>
public sealed record SpanAgreementReport(
    int Items, IReadOnlyList<string> Annotators, long ComparedPairs, SpanLabelAgreement Overall, IReadOnlyList<SpanLabelAgreement> PerLabel);
