using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// The label matrix of a run (one column per function of the set, in order) with per-function fault counts:
/// a function that threw on an item abstained there. <see cref="FirstFaults"/> says where and why, per function.
/// <see cref="ApplySeconds"/> is the time spent running the functions, without reading the documents.
/// </summary>
public sealed record LabelingFunctionApplyResult(
    LabelMatrix Matrix,
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Fingerprints,
    IReadOnlyList<long> Faults,
    IReadOnlyList<string?> FirstFaults,
    int ReusedFunctions,
    int NewItems,
    double ApplySeconds);
