namespace Labelforge.Core.Acceptance;

/// <summary>
/// Accuracy of human labels against a reference, by how they were made. <see cref="WrongSuggestionsAccepted"/> is the
/// rubber-stamp rate: of the suggestions the reference says were wrong, the share annotators accepted anyway.
/// <see cref="AcceptedMinusScratch"/> below zero means accepted suggestions are less accurate than labels made from scratch.
/// </summary>
public sealed record AccuracyComparison(
    string Reference,
    int GoldReferences,
    int PeerReferences,
    ProportionEstimate Accepted,
    ProportionEstimate Corrected,
    ProportionEstimate Scratch,
    ProportionEstimate Suggestions,
    ProportionEstimate WrongSuggestionsAccepted,
    DifferenceEstimate AcceptedMinusScratch);
