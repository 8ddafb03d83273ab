using System.Text;
using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Import;

/// <summary>Readers give each record in the stored form (Items.ItemDocument): the text once, a placeholder in its field.</summary>
public class StoredDocumentTests
{
    [Fact]
    public async Task Jsonl_rows_are_stored_with_the_text_once_and_compose_back_to_the_same_document()
    {
        // Compact, spaced (rewritten), escaped, non-ASCII before the text (char vs byte offsets), a number text,
        // a repeated text key (the last one is the text), and the text as the last field.
        var lines = new[]
        {
            """{"id":"1","text":"compact","k":"v"}""",
            """{ "id" : "2",  "text" : "spaced",  "k" : [1, 2] }""",
            """{"id":"3","text":"caf\u00e9 \"q\" \n end"}""",
            """{"id":"4","before":"漢字🙂","text":"after wide chars"}""",
            """{"id":"5","text":12345}""",
            """{"id":"6","text":"first","text":"second"}""",
        };
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        var (records, errors) = await ImportTestFiles.ReadStreamAsync(stream, "rows.jsonl", map: new ImportFieldMap(IdField: "id"));

        Assert.Empty(errors);
        Assert.Equal(["compact", "spaced", "café \"q\" \n end", "after wide chars", "12345", "second"], records.Select(r => r.Text));
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            AssertSameJson(lines[i], record.Document);
            if (i == 4)
            {
                Assert.Null(record.TextSlot); // a number stays in the document as it was
                continue;
            }
            Assert.NotNull(record.TextSlot);
            Assert.DoesNotContain(record.Text, record.DataJson, StringComparison.Ordinal);
            using var stored = JsonDocument.Parse(record.DataJson); // the stored form is JSON too
        }
        Assert.Equal("""{"id":"1","text":"compact","k":"v"}""", records[0].Document);
        Assert.Contains("\"text\":\"first\"", records[5].Document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_rows_store_the_text_column_as_the_placeholder()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("id,text,extra\n1,\"a, \"\"quoted\"\" 漢字 text\",x\n"));
        var (records, errors) = await ImportTestFiles.ReadStreamAsync(stream, "rows.csv", map: new ImportFieldMap(IdField: "id"));

        Assert.Empty(errors);
        var record = Assert.Single(records);
        Assert.Equal("""{"id":"1","text":null,"extra":"x"}""", record.DataJson);
        Assert.Equal("""{"id":"1","text":"a, \"quoted\" 漢字 text","extra":"x"}""", record.Document);
    }

    private static void AssertSameJson(string expected, string actual)
    {
        using var a = JsonDocument.Parse(expected);
        using var b = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(a.RootElement, b.RootElement), $"{expected} != {actual}");
    }
}
