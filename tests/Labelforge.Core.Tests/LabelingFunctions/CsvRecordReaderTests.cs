using System.Text;
using Labelforge.Core.LabelingFunctions;

namespace Labelforge.Core.Tests.LabelingFunctions;

/// <summary>
/// The block reader against a plain character-at-a-time reference of the same rules, on seeded random inputs made of
/// the characters that matter (delimiters, quotes, CR, LF) and with blocks small enough that records and "" escapes
/// straddle refills.
/// </summary>
public class CsvRecordReaderTests
{
    private static readonly string[] Pieces = ["a", "bc", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", "x,y", "\"q\""];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Matches_the_reference_on_random_input(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var text = new StringBuilder();
            var pieces = random.Next(0, 40);
            for (var p = 0; p < pieces; p++)
                text.Append(Pieces[random.Next(Pieces.Length)]);
            var input = text.ToString();
            var expected = Reference(input);
            var actual = Records(input, bufferSize: 16 + random.Next(0, 8));
            Assert.True(expected.SequenceEqual(actual), $"input {Escape(input)}: expected {Show(expected)}, got {Show(actual)}");
        }
    }

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks_and_lines_count_them()
    {
        var records = Records("id,text\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,plain\n3,\"open", bufferSize: 16);
        Assert.Equal(["1:id|text", "2:1|a, \"b\"\r\nc", "4:2|plain", "5:3|open"], records);
    }

    [Fact]
    public void A_record_longer_than_the_block_is_read_whole()
    {
        var text = new string('w', 1000);
        Assert.Equal([$"1:{text}|{text}"], Records($"{text},\"{text}\"\n", bufferSize: 16));
    }

    private static List<string> Records(string input, int bufferSize)
    {
        var csv = new CsvRecordReader(new StringReader(input), bufferSize);
        var records = new List<string>();
        while (csv.ReadRecord())
            records.Add(csv.Line + ":" + string.Join('|', Enumerable.Range(0, csv.FieldCount).Select(csv.FieldString)));
        return records;
    }

    /// <summary>The rules one character at a time: a quote opens only at a field's start, CR outside quotes is dropped.</summary>
    private static List<string> Reference(string input)
    {
        var records = new List<string>();
        var fields = new List<string>();
        var field = new StringBuilder();
        long line = 1, start = 1;
        var (quoted, any) = (false, false);
        for (var i = 0; i < input.Length; i++)
        {
            var ch = input[i];
            any = true;
            if (quoted)
            {
                if (ch == '"' && i + 1 < input.Length && input[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += ch == '\n' ? 1 : 0;
                    field.Append(ch);
                }
                continue;
            }
            if (ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(start + ":" + string.Join('|', fields));
                fields.Clear();
                any = false;
                start = ++line;
            }
            else if (ch != '\r')
            {
                field.Append(ch);
            }
        }
        if (any)
        {
            fields.Add(field.ToString());
            records.Add(start + ":" + string.Join('|', fields));
        }
        return records;
    }

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Show(List<string> records) => "[" + string.Join("; ", records.Select(Escape)) + "]";
}
