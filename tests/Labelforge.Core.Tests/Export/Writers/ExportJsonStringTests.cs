using System.Buffers;
using System.Text;
using System.Text.Json;
using Labelforge.Core.Export;
using Labelforge.Core.Export.Writers;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Tests.Export.Writers;

/// <summary>Quoting UTF-8 text gives exactly what the JSON writer gives for the same text as a string.</summary>
public class ExportJsonStringTests
{
    private static string Expected(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonScratch.WriterOptions))
            writer.WriteStringValue(text);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Quoted(ReadOnlySpan<byte> utf8)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(Stream.Null, JsonScratch.WriterOptions);
        ExportJsonString.WriteQuoted(utf8, buffer, writer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Every_ascii_character_is_written_as_the_json_writer_writes_it()
    {
        for (var c = 0; c < 128; c++)
        {
            var text = "a" + (char)c + "b";
            Assert.Equal(Expected(text), Quoted(Encoding.UTF8.GetBytes(text)));
        }
    }

    [Fact]
    public void Every_code_point_is_written_as_the_json_writer_writes_it()
    {
        var failures = new List<int>();
        for (var cp = 0x80; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 97)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
                continue;
            var text = "x" + char.ConvertFromUtf32(cp) + "\"y";
            if (Expected(text) != Quoted(Encoding.UTF8.GetBytes(text)))
                failures.Add(cp);
        }
        Assert.Empty(failures);
    }

    [Fact]
    public void Plain_text_is_copied_between_quotes_and_empty_text_is_two_quotes()
    {
        Assert.Equal("\"item 1: plain words, no escapes\"", Quoted("item 1: plain words, no escapes"u8));
        Assert.Equal("\"\"", Quoted([]));
    }

    [Fact]
    public void Bytes_that_are_not_utf8_become_replacement_characters_as_a_string_read_would_make_them()
    {
        byte[] bad = [(byte)'a', 0xC3, (byte)'b', 0xFF, 0xE2, 0x82];
        Assert.Equal(Expected(Encoding.UTF8.GetString(bad)), Quoted(bad));
    }
}
