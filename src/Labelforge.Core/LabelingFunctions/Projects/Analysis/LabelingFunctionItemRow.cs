namespace Labelforge.Core.LabelingFunctions.Projects.Analysis;

/// <summary>
/// An item where a function fires: the start of its text, the function's vote, the item's gold label (if
/// any), whether another function voted differently, and the other functions' votes.
/// </summary>
public sealed record LabelingFunctionItemRow(
    long ItemId,
    string? ExternalId,
    string Text,
    string Vote,
    string? HumanLabel,
    bool Conflict,
    IReadOnlyList<LabelingFunctionVote> OtherVotes);
