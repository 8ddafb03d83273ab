namespace Labelforge.Core.Taxonomy;

/// <summary>A label as the API, CLI and snapshots show it; <see cref="Path"/> joins ancestor names with '/'.</summary>
public sealed record LabelView(
    long Id,
    string Name,
    string Path,
    long? ParentId,
    string? Description,
    string? Hotkey,
    string? Color,
    string Status,
    long? MergedIntoId);
