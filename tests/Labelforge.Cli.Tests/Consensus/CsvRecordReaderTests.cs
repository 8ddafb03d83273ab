using Labelforge.Cli.Consensus;

namespace Labelforge.Cli.Tests.Consensus;

public class CsvRecordReaderTests
{
    private static List<(int Line, string[] Fields)> ReadAll(string text, char delimiter = ',')
    {
        var csv = new CsvRecordReader(new StringReader(text), delimiter);
        var records = new List<(int, string[])>();
        while (csv.Read())
            records.Add((csv.Line, Enumerable.Range(0, csv.FieldCount).Select(csv.FieldString).ToArray()));
        return records;
    }

    [Fact]
    public void Quotes_escaped_quotes_embedded_line_breaks_and_crlf()
    {
        var records = ReadAll("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\nlast,\n");
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["last", ""], records[3].Fields);
        Assert.Equal([1, 2, 3, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Tab_delimiter_and_no_final_newline()
    {
        var records = ReadAll("item\tworker\n1\ta", '\t');
        Assert.Equal(["1", "a"], records[1].Fields);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void Broken_quotes_are_format_errors()
    {
        var open = Assert.Throws<FormatException>(() => ReadAll("a,\"open\n"));
        Assert.Contains("a quoted field opened on line 1 is never closed", open.Message, StringComparison.Ordinal);
        var after = Assert.Throws<FormatException>(() => ReadAll("\"closed\"x,b\n"));
        Assert.Contains("unexpected 'x' after a closing quote", after.Message, StringComparison.Ordinal);
    }
}
