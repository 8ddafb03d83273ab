namespace Labelforge.Core.Counts;

/// <summary>
/// A label and the items whose current given label holds it (or a label merged into it). Retired labels that still
/// count items (deprecated, split) are listed with their status; merged ones are counted under their target.
/// </summary>
public sealed record LabelCount(long Id, string Name, string Path, string Status, string? Color, long Items);
