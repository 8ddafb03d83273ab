namespace Labelforge.Core.Models;

/// <summary>An item to score: its id and text.</summary>
public sealed record ItemText(long ItemId, string Text);
