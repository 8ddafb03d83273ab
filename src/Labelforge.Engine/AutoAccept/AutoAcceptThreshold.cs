namespace Labelforge.Engine.AutoAccept;

/// <summary>
/// The chosen confidence threshold (null when no threshold meets the target), the verified items at or above it
/// (<see cref="Verified"/>, of which <see cref="Correct"/> agree with people), the observed precision and its lower bound
/// there, and how many unlabeled items it would accept (<see cref="Covered"/> of <see cref="Unlabeled"/>).
/// <see cref="MinimumVerified"/> is the fewest verified items that could ever pass: n with α^(1/n) ≥ target, where even
/// n of n correct is needed (Clopper-Pearson); fewer verified items can never yield a threshold.
/// </summary>
public sealed record AutoAcceptThreshold(
    double? Threshold,
    int Verified,
    int Correct,
    double Precision,
    double LowerBound,
    int Covered,
    int Unlabeled,
    int MinimumVerified,
    int CandidatesChecked)
{
    /// <summary>Share of unlabeled items at or above the threshold (0 without one).</summary>
    public double Coverage => Unlabeled == 0 ? 0 : (double)Covered / Unlabeled;
}
