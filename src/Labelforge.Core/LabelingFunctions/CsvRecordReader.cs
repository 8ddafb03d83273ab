using System.Text;

namespace Labelforge.Core.LabelingFunctions;

/// <summary>
/// A streaming RFC 4180 reader: comma-separated, double-quoted fields may hold commas, quotes ("") and
/// newlines. Yields each record with the 1-based line it starts on.
/// </summary>
public static class CsvRecordReader
{
    public static IEnumerable<(long Line, List<string> Fields)> Read(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, start = 1;
        var quoted = false;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (ch == '"')
                    quoted = false;
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (start, fields);
                    fields = [];
                    any = false;
                    start = ++line;
                    break;
                default:
                    field.Append(ch);
                    break;
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
