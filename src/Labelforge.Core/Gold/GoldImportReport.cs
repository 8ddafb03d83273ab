using Labelforge.Core.Import;

namespace Labelforge.Core.Gold;

/// <summary>A gold import: rows read, gold answers written, the project's gold items now, its gold rate, and the bad rows.</summary>
public sealed record GoldImportReport(int Rows, int Answers, int GoldItems, double GoldRate, int ErrorCount, IReadOnlyList<ImportError> Errors);
