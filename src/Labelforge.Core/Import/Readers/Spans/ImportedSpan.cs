namespace Labelforge.Core.Import.Readers.Spans;

/// <summary>A span read from a file: UTF-16 offsets into the row's text and its label as written.</summary>
public readonly record struct ImportedSpan(int Start, int End, string Label);
