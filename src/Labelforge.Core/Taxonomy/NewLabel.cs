namespace Labelforge.Core.Taxonomy;

/// <summary>Arguments of the taxonomy "add" operation. <see cref="Parent"/> is a label id or name.</summary>
public sealed record NewLabel(string Name, string? Parent = null, string? Description = null, string? Hotkey = null, string? Color = null);
