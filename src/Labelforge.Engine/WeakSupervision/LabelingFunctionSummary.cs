namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Statistics of one labeling function over a label matrix, with Snorkel's LFAnalysis definitions
/// (Ratner et al., "Snorkel: Rapid Training Data Creation with Weak Supervision", VLDB 2018):
/// coverage = fraction of items it labels; overlaps = fraction it labels where another source also labels;
/// conflicts = fraction it labels where another source gives a different label.
/// Accuracy counts only items with known gold (gold ≠ <see cref="LabelIndex.Abstain"/>).
/// </summary>
/// <param name="Column">Column index of the source in the matrix.</param>
/// <param name="Polarity">The distinct labels it emitted, ascending.</param>
/// <param name="Coverage">Fraction of all items it labeled.</param>
/// <param name="Overlaps">Fraction of all items it labeled that at least one other source also labeled.</param>
/// <param name="Conflicts">Fraction of all items it labeled where another source gave a different label.</param>
/// <param name="Correct">Votes equal to known gold.</param>
/// <param name="Incorrect">Votes different from known gold.</param>
/// <param name="EmpiricalAccuracy">Correct / (Correct + Incorrect); null without gold votes.</param>
/// <param name="FiringSamples">Up to the requested number of row indices where it labeled (first rows first).</param>
/// <param name="ConflictSamples">Up to the requested number of row indices where it conflicted.</param>
public sealed record LabelingFunctionSummary(
    int Column,
    IReadOnlyList<int> Polarity,
    double Coverage,
    double Overlaps,
    double Conflicts,
    int Correct,
    int Incorrect,
    double? EmpiricalAccuracy,
    IReadOnlyList<int> FiringSamples,
    IReadOnlyList<int> ConflictSamples);
