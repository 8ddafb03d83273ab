using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// What applying a project's LF set did: the set version, how much was re-used, faults per function,
/// the analysis (coverage, overlaps, conflicts, accuracy against gold labels), the label model's class
/// balance, and how many programmatic annotations were written.
/// </summary>
public sealed record LabelingFunctionProjectResult(
    string Set,
    int Version,
    bool NewVersion,
    string Author,
    string Model,
    int Items,
    int NewItems,
    int ReusedFunctions,
    IReadOnlyList<string> Functions,
    IReadOnlyList<long> Faults,
    IReadOnlyList<string?> FirstFaults,
    LabelMatrixSummary Analysis,
    IReadOnlyDictionary<string, double> ClassBalance,
    long Annotations,
    double Seconds);
