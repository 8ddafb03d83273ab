namespace Labelforge.Core.Export;

/// <summary>One author's current labels on an item.</summary>
public sealed record ExportAuthorLabels(string Author, string Kind, IReadOnlyList<string> Labels, double? Confidence);
