namespace Labelforge.Core.LabelingFunctions.Projects.Analysis;

/// <summary>
/// One function's row of the LF analysis (Snorkel's LFAnalysis definitions, fractions of all items): the labels
/// it votes (polarity), coverage, overlaps, conflicts, and correct / incorrect votes and empirical accuracy on
/// items with a gold label (null without any), plus the items it threw on.
/// </summary>
public sealed record LabelingFunctionStats(
    string Name,
    IReadOnlyList<string> Polarity,
    double Coverage,
    double Overlaps,
    double Conflicts,
    int Correct,
    int Incorrect,
    double? EmpiricalAccuracy,
    long Faults);
