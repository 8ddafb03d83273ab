namespace Labelforge.Core.Export;

/// <summary>
/// One item with its current labels, for "current labels" exports. <see cref="Labels"/> is the resolved
/// label set (merges applied) over all authors except models' suggestions (kind model), unless the export asked
/// for them; <see cref="ByAuthor"/> gives each author's latest labels, suggestions included.
/// </summary>
public sealed record ExportItem(
    long ItemId,
    string? ExternalId,
    string Text,
    string DataJson,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ExportAuthorLabels> ByAuthor);
