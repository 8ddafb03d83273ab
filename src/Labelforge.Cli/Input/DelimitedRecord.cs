namespace Labelforge.Cli.Input;

/// <summary>One record of a CSV/TSV file and the 1-based line it starts on (quoted fields may span lines).</summary>
internal sealed record DelimitedRecord(string[] Fields, int Line);
