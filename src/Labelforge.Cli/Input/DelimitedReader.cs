using Labelforge.Cli.Output;
using Labelforge.Core.Csv;

namespace Labelforge.Cli.Input;

/// <summary>
/// The records of a CSV (RFC 4180) or, with <c>quoting: false</c>, plain TSV file as strings, read by the shared
/// <see cref="CsvRecordReader"/>: blank lines are skipped and an unclosed quote is an error naming the file and the
/// line of the record. The UTF-8 BOM is dropped by the stream reader.
/// </summary>
internal sealed class DelimitedReader(TextReader reader, char delimiter, bool quoting, string fileName)
{
    public IEnumerable<DelimitedRecord> Records()
    {
        var csv = new CsvRecordReader(reader, delimiter, quoting);
        while (NextRecord(csv, fileName))
        {
            var fields = new string[csv.FieldCount];
            for (var f = 0; f < fields.Length; f++)
                fields[f] = csv.FieldString(f);
            yield return new DelimitedRecord(fields, (int)csv.Line);
        }
    }

    /// <summary>Moves <paramref name="csv"/> to its next record that is not blank; false at the end of the file.</summary>
    public static bool NextRecord(CsvRecordReader csv, string fileName)
    {
        while (csv.ReadRecord())
        {
            if (csv.UnclosedQuoteLine > 0)
                throw new CliException($"{fileName}:{csv.Line}: a quoted field opened in this record is not closed before the end of the file; close it with a double quote");
            if (!csv.IsBlank)
                return true;
        }
        return false;
    }
}
