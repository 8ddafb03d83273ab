using System.Text.Json;
using Labelforge.Core.Items;

namespace Labelforge.Core.Tests.Items;

/// <summary>The stored document form (text once, a placeholder in the document) and its way back.</summary>
public class ItemDocumentTests
{
    private static readonly string[] Texts =
    [
        "plain",
        "she said \"hi\" \\ back\\slash",
        "line\nbreak\r\nand\ttab and \u0001 control",
        "naïve café ✓ 漢字 and an emoji 🙂 (a surrogate pair)",
        "<script>&amp;</script> 'quotes'",
        " ",
    ];

    [Fact]
    public void A_document_without_a_slot_is_returned_as_it_is()
    {
        Assert.Equal("""{"text":"x"}""", ItemDocument.Compose("ignored", """{"text":"x"}""", null));
    }

    [Fact]
    public void Compose_puts_the_text_back_as_a_json_string_at_its_place()
    {
        foreach (var text in Texts)
        {
            const string stored = """{"id":"a","text":null,"n":1}""";
            var document = ItemDocument.Compose(text, stored, stored.IndexOf("null", StringComparison.Ordinal));
            using var parsed = JsonDocument.Parse(document);
            Assert.Equal(["id", "text", "n"], parsed.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal(text, parsed.RootElement.GetProperty("text").GetString());
            Assert.Equal(1, parsed.RootElement.GetProperty("n").GetInt32());
        }
    }

    [Fact]
    public void A_slot_that_does_not_point_at_the_placeholder_is_an_error_not_a_wrong_document()
    {
        Assert.Throws<InvalidDataException>(() => ItemDocument.Compose("t", """{"text":null}""", 3));
        Assert.Throws<InvalidDataException>(() => ItemDocument.Compose("t", """{"text":null}""", 99));
    }
}
