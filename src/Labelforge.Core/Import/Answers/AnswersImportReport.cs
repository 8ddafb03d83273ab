namespace Labelforge.Core.Import.Answers;

/// <summary>
/// What an answers import did: rows read, items it created, annotations written (one per (item, author); a later row
/// of the same pair replaced an earlier one, <see cref="Replaced"/>), distinct authors, and the bad rows (all counted,
/// the first 1,000 listed).
/// </summary>
public sealed record AnswersImportReport(int Rows, int ItemsCreated, int Annotations, int Authors, int Replaced, int ErrorCount,
    IReadOnlyList<ImportError> Errors, IReadOnlyList<string> CreatedLabels);
