using Labelforge.Core.LabelingFunctions;

namespace Labelforge.Core.Tests.LabelingFunctions;

public class LabelingFunctionDocumentFileReaderTests
{
    [Fact]
    public void Csv_fields_may_hold_commas_quotes_and_newlines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lf-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "text,n\n\"a, \"\"b\"\"\nc\",5\nplain,7\n");
        try
        {
            var docs = LabelingFunctionDocumentFileReader.Read(path, "text").ToList();
            Assert.Equal(2, docs.Count);
            Assert.Equal("a, \"b\"\nc", docs[0].Text);
            Assert.Equal(7, docs[1].FieldNumber("n"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_jsonl_line_without_the_text_field_names_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lf-{Guid.NewGuid():N}.jsonl");
        File.WriteAllText(path, "{\"text\": \"ok\"}\n{\"body\": \"no\"}\n");
        try
        {
            var error = Assert.Throws<LabelingFunctionInputException>(() => LabelingFunctionDocumentFileReader.Read(path, "text").ToList());
            Assert.Equal(2, error.Line);
            Assert.Contains("--text-field", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
