namespace Labelforge.Core.LabelingFunctions.Projects;

/// <summary>
/// The stored votes of one item under a project's LF set (little-endian int16 per function, -1 = abstain),
/// kept so the next apply re-runs only changed functions and new items.
/// </summary>
public sealed class LabelingFunctionMatrixRow
{
    public long ProjectId { get; set; }

    public required string SetName { get; set; }

    public long ItemId { get; set; }

    public required byte[] Votes { get; set; }
}
