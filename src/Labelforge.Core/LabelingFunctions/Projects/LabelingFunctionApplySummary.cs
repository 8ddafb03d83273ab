namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// What applying a project's LF set did: the version applied, how much of the stored matrix was re-used
/// (functions whose fingerprint did not change, on items seen before), coverage, and faults per function.
/// </summary>
public sealed record LabelingFunctionApplySummary(
    string Set,
    int Version,
    int Items,
    int NewItems,
    int ReusedFunctions,
    double Coverage,
    IReadOnlyList<string> Functions,
    IReadOnlyList<long> Faults,
    IReadOnlyList<string?> FirstFaults,
    double Seconds);
