namespace Labelforge.Core.Import;

/// <summary>
/// A label value of the file that the import read as something else than written: <paramref name="Value"/> as in
/// the file, the <paramref name="Label"/> it was taken as, why (<paramref name="Message"/>), and in how many rows.
/// </summary>
public sealed record ImportLabelNotice(string Value, string Label, string Message, long Rows);
