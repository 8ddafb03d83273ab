using System.Buffers;

namespace Labelforge.Core.Csv;

/// <summary>
/// The one RFC 4180 quoting rule of every CSV this project writes (exports, label matrices, inferred labels): a field
/// is quoted only when it holds a comma, a quote, CR or LF, and a quote inside is doubled, so
/// <see cref="CsvRecordReader"/> and the importer read the same text back.
/// </summary>
public static class CsvText
{
    /// <summary>The characters that make a field need quotes.</summary>
    public static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    /// <summary><paramref name="field"/> as it goes into a row: unchanged, or quoted with its quotes doubled.</summary>
    public static string Field(string field) =>
        field.AsSpan().ContainsAny(NeedsQuotes) ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>A row of <paramref name="fields"/> (without the line end).</summary>
    public static string Row(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));
}
