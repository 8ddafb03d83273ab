using Labelforge.Core.Csv;

namespace Labelforge.Core.Tests.Csv;

public class CsvTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\r", "\"cr\r\"")]
    public void Quotes_only_fields_that_need_it(string field, string written) =>
        Assert.Equal(written, CsvText.Field(field));

    [Fact]
    public void A_written_row_reads_back_as_the_same_fields()
    {
        string[] fields = ["id", "a, \"b\"", "line\nbreak", "", "é|x"];
        var read = CsvRecordReader.Read(new StringReader(CsvText.Row(fields) + "\n")).Single();
        Assert.Equal(1, read.Line);
        Assert.Equal(fields, read.Fields);
    }
}
