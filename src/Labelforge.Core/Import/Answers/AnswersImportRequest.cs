namespace Labelforge.Core.Import.Answers;

/// <summary>
/// How to read a file of answers, one row per (item, author, label): the fields holding the item's external id, the
/// label (names or paths; several separated by '|' in a multi-label project) and the author; optionally the text, which
/// creates items that are not in the project yet (items already there need none). <see cref="CreateLabels"/>: unknown
/// labels join the taxonomy instead of being row errors.
/// </summary>
public sealed record AnswersImportRequest(string IdField, string LabelField, string AuthorField, string? TextField = null, bool CreateLabels = false);
