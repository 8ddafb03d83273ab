using Labelforge.Cli.Input;
using Labelforge.Cli.Output;

namespace Labelforge.Cli.Tests.Input;

/// <summary>Files without quotes take the line reader, files with quotes the full CSV reader: same values, same errors.</summary>
public class NumericTableReaderTests
{
    [Fact]
    public void Plain_and_quoted_files_give_the_same_probabilities()
    {
        var plain = ReadProbabilities("p0,p1\r\n0.25,0.75\r\n\r\n1e-05,0.99999\n0.5,.5");
        var quoted = ReadProbabilities("\"p0\",p1\r\n0.25,\"0.75\"\r\n\r\n1e-05,0.99999\n0.5,.5");
        Assert.Equal(2, plain.ClassCount);
        Assert.Equal([0.25f, 0.75f, 1e-05f, 0.99999f, 0.5f, 0.5f], plain.Values);
        Assert.Equal(plain.Values, quoted.Values);
    }

    [Theory]
    [InlineData("p0,p1\n0.5,0.5\n\n0.5,x\n", "x.csv:4: field 'p1' is 'x', not a probability")]
    [InlineData("p0,p1\n\"0.5\",0.5\n\n0.5,x\n", "x.csv:4: field 'p1' is 'x', not a probability")]
    [InlineData("p0,p1\n0.5,0.5,0\n", "x.csv:2: expected 2 probabilities (one per header column) but found 3")]
    [InlineData("0.1,0.9\n", "x.csv:1: the first row holds numbers")]
    [InlineData("", "x.csv: the file is empty")]
    public void Errors_name_the_line_in_both_readers(string text, string message)
    {
        var error = Assert.Throws<CliException>(() => ReadProbabilities(text));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plain_and_quoted_label_files_agree()
    {
        Assert.Equal([1, 0, 2], ReadLabels("label\r\n1\r\n\r\n0\n 2 "));
        Assert.Equal([1, 0, 2], ReadLabels("\"label\"\r\n1\r\n\r\n\"0\"\n 2 "));
        Assert.Contains("x.csv:3: field 'label' is '-1'", Assert.Throws<CliException>(() => ReadLabels("label\n1\n-1\n")).Message, StringComparison.Ordinal);
        Assert.Contains("x.csv:2: expected 1 field (label) but found 2", Assert.Throws<CliException>(() => ReadLabels("label\n1,2\n")).Message, StringComparison.Ordinal);
    }

    private static Labelforge.Engine.ProbabilityMatrix ReadProbabilities(string text) => WithFile(text, NumericTableReader.ReadProbabilities);

    private static int[] ReadLabels(string text) => WithFile(text, NumericTableReader.ReadLabels);

    private static T WithFile<T>(string text, Func<string, T> read)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"lf-numeric-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var path = Path.Combine(dir, "x.csv");
            File.WriteAllText(path, text);
            return read(path);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
