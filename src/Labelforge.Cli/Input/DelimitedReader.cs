using System.Text;
using Labelforge.Cli.Output;

namespace Labelforge.Cli.Input;

/// <summary>
/// Reads RFC 4180 CSV (quoted fields with "" escapes, delimiters and newlines inside quotes, CRLF or LF) or, with
/// <c>quoting: false</c>, plain TSV where quotes are ordinary characters. The UTF-8 BOM is dropped by the stream reader.
/// </summary>
internal sealed class DelimitedReader(TextReader reader, char delimiter, bool quoting, string fileName)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private int _recordStart = 1;

    public IEnumerable<DelimitedRecord> Records()
    {
        while (reader.Peek() >= 0)
        {
            var start = _recordStart = _line;
            var fields = ReadRecord();
            if (fields.Count == 1 && fields[0].Length == 0)
                continue;
            yield return new DelimitedRecord([.. fields], start);
        }
    }

    private List<string> ReadRecord()
    {
        var fields = new List<string>();
        _field.Clear();
        var inQuotes = false;
        var quotedField = false;
        while (true)
        {
            var next = reader.Read();
            if (next < 0)
            {
                if (inQuotes)
                    throw new CliException($"{fileName}:{_recordStart}: a quoted field opened in this record is not closed before the end of the file; close it with a double quote");
                fields.Add(_field.ToString());
                return fields;
            }
            var c = (char)next;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (c == '\n')
                        _line++;
                    _field.Append(c);
                }
                continue;
            }
            if (quoting && c == '"' && _field.Length == 0 && !quotedField)
            {
                inQuotes = true;
                quotedField = true;
            }
            else if (c == delimiter)
            {
                fields.Add(_field.ToString());
                _field.Clear();
                quotedField = false;
            }
            else if (c == '\r' && reader.Peek() == '\n')
            {
                continue;
            }
            else if (c == '\n')
            {
                _line++;
                fields.Add(_field.ToString());
                return fields;
            }
            else
            {
                _field.Append(c);
            }
        }
    }
}
