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

    [Fact]
    public void The_utf8_form_counts_the_slot_in_utf16_characters_as_the_string_form_does()
    {
        // Non-ASCII before the slot: 1-, 2-, 3- and 4-byte characters (the last is two UTF-16 units).
        string[] prefixes = ["", "é", "漢字", "🙂", "a🙂é漢"];
        foreach (var prefix in prefixes)
        {
            var stored = "{\"before\":\"" + prefix + "\",\"text\":null,\"after\":\"ü\"}";
            var slot = stored.IndexOf("null", StringComparison.Ordinal);
            var quoted = System.Text.Encoding.UTF8.GetBytes("\"t ☕\"");
            var fromString = new System.Buffers.ArrayBufferWriter<byte>();
            ItemDocument.ComposeUtf8(stored, slot, quoted, fromString);
            var fromUtf8 = new System.Buffers.ArrayBufferWriter<byte>();
            ItemDocument.ComposeUtf8(System.Text.Encoding.UTF8.GetBytes(stored), slot, quoted, fromUtf8);
            Assert.Equal(fromString.WrittenSpan.ToArray(), fromUtf8.WrittenSpan.ToArray());
        }
    }

    [Fact]
    public void The_utf8_form_also_refuses_a_slot_off_the_placeholder()
    {
        var stored = System.Text.Encoding.UTF8.GetBytes("{\"é\":1,\"text\":null}");
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        // 14 characters in is "null"; in bytes it starts at 15, so a byte offset taken as characters misses it.
        ItemDocument.ComposeUtf8(stored, 14, "\"t\""u8, output);
        Assert.Throws<InvalidDataException>(() => ItemDocument.ComposeUtf8(stored, 15, "\"t\""u8, output));
        Assert.Throws<InvalidDataException>(() => ItemDocument.ComposeUtf8(stored, 99, "\"t\""u8, output));
        Assert.Throws<InvalidDataException>(() => ItemDocument.ComposeUtf8(stored, -1, "\"t\""u8, output));
    }
}
