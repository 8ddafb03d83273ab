using System.Text;
using Labelforge.Core.Csv;

namespace Labelforge.Core.Tests.Csv;

/// <summary>
/// The block reader against a plain character-at-a-time reference of the same rules, on seeded random inputs made of
/// the characters that matter (delimiters, quotes, CR, LF) and with blocks small enough that records and "" escapes
/// straddle refills.
/// </summary>
public class CsvRecordReaderTests
{
    private static readonly string[] Pieces = ["a", "bc", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", "x,y", "\"q\"", "\t"];

    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6, 7, 8];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Matches_the_reference_on_random_input(int seed) => MatchesReference(seed, ',', quoting: true);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Matches_the_reference_on_random_tab_separated_input(int seed) => MatchesReference(seed, '\t', quoting: true);

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Matches_the_reference_on_random_input_without_quoting(int seed) => MatchesReference(seed, '\t', quoting: false);

    private static void MatchesReference(int seed, char delimiter, bool quoting)
    {
        var random = new Random(seed);
        for (var round = 0; round < 300; round++)
        {
            var text = new StringBuilder();
            var pieces = random.Next(0, 40);
            for (var p = 0; p < pieces; p++)
                text.Append(Pieces[random.Next(Pieces.Length)]);
            var input = text.ToString();
            var expected = Reference(input, delimiter, quoting);
            var actual = Records(input, bufferSize: 16 + random.Next(0, 8), delimiter, quoting);
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

    [Fact]
    public void Tab_delimiter_and_no_final_newline()
    {
        Assert.Equal(["1:item|worker", "2:1|a, b"], Records("item\tworker\n1\ta, b", bufferSize: 16, '\t'));
    }

    [Fact]
    public void Without_quoting_quotes_are_ordinary_characters()
    {
        Assert.Equal(["1:say \"hi|ham"], Records("say \"hi\tham\n", bufferSize: 16, '\t', quoting: false));
    }

    [Fact]
    public void Blank_lines_are_records_that_say_so()
    {
        var csv = new CsvRecordReader(new StringReader("a,b\n\nc\n"));
        var blank = new List<bool>();
        while (csv.ReadRecord())
            blank.Add(csv.IsBlank);
        Assert.Equal([false, true, false], blank);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_with_the_line_it_opened_on()
    {
        var csv = new CsvRecordReader(new StringReader("a,b\nc,d\ne,\"open\nrest"), bufferSize: 16);
        Assert.True(csv.ReadRecord());
        Assert.Equal(0, csv.UnclosedQuoteLine);
        Assert.True(csv.ReadRecord());
        Assert.True(csv.ReadRecord());
        Assert.Equal((3, 3), (csv.Line, csv.UnclosedQuoteLine));
        Assert.Equal("open\nrest", csv.FieldString(1));
        Assert.False(csv.ReadRecord());
    }

    [Fact]
    public void Text_after_a_closing_quote_is_kept_and_reported()
    {
        var csv = new CsvRecordReader(new StringReader("\"closed\"x,b\n\"ok\",\"\"\"q\"\"\"\n"));
        Assert.True(csv.ReadRecord());
        Assert.Equal(("closedx", 'x'), (csv.FieldString(0), csv.CharAfterQuote));
        Assert.True(csv.ReadRecord());
        Assert.Equal(("ok", "\"q\"", '\0'), (csv.FieldString(0), csv.FieldString(1), csv.CharAfterQuote));
    }

    [Fact]
    public void A_quote_or_line_break_cannot_be_the_delimiter() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CsvRecordReader(new StringReader(""), '"'));

    private static List<string> Records(string input, int bufferSize, char delimiter = ',', bool quoting = true)
    {
        var csv = new CsvRecordReader(new StringReader(input), delimiter, quoting, bufferSize);
        var records = new List<string>();
        while (csv.ReadRecord())
            records.Add(csv.Line + ":" + string.Join('|', Enumerable.Range(0, csv.FieldCount).Select(csv.FieldString)));
        return records;
    }

    /// <summary>The rules one character at a time: a quote opens only at a field's start, CR outside quotes is dropped.</summary>
    private static List<string> Reference(string input, char delimiter, bool quoting)
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
            if (quoting && ch == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (ch == delimiter)
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
