namespace Labelforge.Core.Acceptance;

/// <summary>
/// One model version's suggestions as annotators met them: how many were shown, accepted unchanged or corrected, and,
/// on items with a reference label, how often the suggestion itself and the accepted labels were right.
/// </summary>
public sealed record ModelAcceptance(
    string Model,
    int Shown,
    int Accepted,
    int Corrected,
    ProportionEstimate AcceptanceRate,
    ProportionEstimate SuggestionAccuracy,
    ProportionEstimate AcceptedAccuracy);
