namespace Labelforge.Core.LabelingFunctions.Projects.Analysis;

/// <summary>
/// The LF analysis of a project's stored label matrix: which version it came from (and the latest saved one),
/// items, how many carry a gold label (human, imported or reviewed), whole-matrix coverage / overlap / conflict, and one row per function.
/// </summary>
public sealed record LabelingFunctionAnalysisReport(
    string Set,
    int Version,
    int LatestVersion,
    IReadOnlyList<string> Labels,
    int Items,
    int HumanLabeled,
    double Coverage,
    double Overlap,
    double Conflict,
    IReadOnlyList<LabelingFunctionStats> Functions);
