using Labelforge.Cli.Input;
using Labelforge.Cli.Output;

namespace Labelforge.Cli.Tests.Input;

public class DelimitedReaderTests
{
    private static List<DelimitedRecord> Read(string text, char delimiter = ',', bool quoting = true)
    {
        using var bytes = new MemoryStream([.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)]);
        using var reader = new StreamReader(bytes, detectEncodingFromByteOrderMarks: true);
        return [.. new DelimitedReader(reader, delimiter, quoting, "x.csv").Records()];
    }

    [Fact]
    public void Quoted_fields_hold_delimiters_escaped_quotes_and_newlines()
    {
        var records = Read("text,label\r\n\"a, \"\"b\"\"\nc\",spam\r\nplain,ham\n");

        Assert.Equal(["text", "label"], records[0].Fields);
        Assert.Equal(["a, \"b\"\nc", "spam"], records[1].Fields);
        Assert.Equal(["plain", "ham"], records[2].Fields);
        Assert.Equal(4, records[2].Line);
    }

    [Fact]
    public void Bom_is_dropped_and_blank_lines_skipped()
    {
        var records = Read("label\n\n1\n");

        Assert.Equal("label", records[0].Fields[0]);
        Assert.Equal(2, records.Count);
    }

    [Fact]
    public void Tsv_keeps_quotes_literally() =>
        Assert.Equal(["say \"hi", "ham"], Read("say \"hi\tham\n", '\t', quoting: false)[0].Fields);

    [Fact]
    public void Unclosed_quote_names_the_line()
    {
        var error = Assert.Throws<CliException>(() => Read("a\n\"open,1\n"));

        Assert.Contains("x.csv:2", error.Message);
    }
}
