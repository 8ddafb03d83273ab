namespace Labelforge.Core.Taxonomy;

/// <summary>A label as the API, CLI and snapshots show it; <see cref="Path"/> joins ancestor names with '/' in
/// <see cref="LabelPath"/> syntax (a '/' or '\' inside a name is escaped with a backslash).</summary>
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
