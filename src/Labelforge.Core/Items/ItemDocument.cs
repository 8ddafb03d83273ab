using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Labelforge.Core.Items;

/// <summary>
/// An item's document as stored: <c>DataJson</c> is the document with the value of its text field replaced by the
/// JSON literal <c>null</c>, and <c>TextSlot</c> is the character offset of that <c>null</c>; the text itself lives
/// once, in the Text column. Storing the text twice made an imported row about twice as large, and bytes written
/// are what bound a bulk import. A null slot means DataJson is already the whole document (items stored before the
/// slot existed, or documents whose text is not a plain top-level string field). The stored form stays valid JSON.
/// </summary>
public static class ItemDocument
{
    /// <summary>The literal that stands for the text in the stored form.</summary>
    public const string Placeholder = "null";

    /// <summary><see cref="Placeholder"/> as UTF-8.</summary>
    public static ReadOnlySpan<byte> PlaceholderUtf8 => "null"u8;

    // The escaping used for every document we write (see Import's JsonScratch): non-ASCII kept as UTF-8.
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>The whole document: <paramref name="dataJson"/> with <paramref name="text"/> back in its slot.</summary>
    public static string Compose(string text, string dataJson, int? textSlot)
    {
        if (CheckedSlot(dataJson, textSlot) is not { } slot)
            return dataJson;
        var encoded = JsonEncodedText.Encode(text, Encoder).Value;
        return string.Create(dataJson.Length - Placeholder.Length + encoded.Length + 2, (dataJson, slot, encoded), static (span, s) =>
        {
            s.dataJson.AsSpan(0, s.slot).CopyTo(span);
            span = span[s.slot..];
            span[0] = '"';
            s.encoded.AsSpan().CopyTo(span[1..]);
            span[s.encoded.Length + 1] = '"';
            s.dataJson.AsSpan(s.slot + Placeholder.Length).CopyTo(span[(s.encoded.Length + 2)..]);
        });
    }

    /// <summary>
    /// Writes the whole document as UTF-8 into <paramref name="output"/>, given the text already as a JSON string
    /// literal (quotes included, escaped with the writer options every document uses): an export that writes the
    /// text field anyway escapes it once for both places, and no composed string is made.
    /// </summary>
    public static void ComposeUtf8(string dataJson, int? textSlot, ReadOnlySpan<byte> quotedText, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (CheckedSlot(dataJson, textSlot) is not { } slot)
        {
            Encoding.UTF8.GetBytes(dataJson, output);
            return;
        }
        Encoding.UTF8.GetBytes(dataJson.AsSpan(0, slot), output);
        output.Write(quotedText);
        Encoding.UTF8.GetBytes(dataJson.AsSpan(slot + Placeholder.Length), output);
    }

    /// <summary>
    /// <see cref="ComposeUtf8(string, int?, ReadOnlySpan{byte}, IBufferWriter{byte})"/> for a stored document read as
    /// UTF-8 (valid UTF-8; the slot counts UTF-16 characters, so it is converted to a byte offset).
    /// </summary>
    public static void ComposeUtf8(ReadOnlySpan<byte> dataJson, int? textSlot, ReadOnlySpan<byte> quotedText, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (textSlot is not { } slot)
        {
            output.Write(dataJson);
            return;
        }
        var at = ByteOffset(dataJson, slot);
        if (at < 0 || !dataJson[at..].StartsWith(PlaceholderUtf8))
            throw new InvalidDataException($"stored document has no text placeholder at offset {slot}");
        output.Write(dataJson[..at]);
        output.Write(quotedText);
        output.Write(dataJson[(at + Placeholder.Length)..]);
    }

    /// <summary>The byte offset of UTF-16 offset <paramref name="chars"/> in <paramref name="utf8"/>; -1 past its end.</summary>
    private static int ByteOffset(ReadOnlySpan<byte> utf8, int chars)
    {
        if (chars < 0)
            return -1;
        // Documents are mostly ASCII up to the text field: then bytes and characters are the same.
        var ascii = utf8[..Math.Min(chars, utf8.Length)].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
        if (ascii < 0)
            return chars <= utf8.Length ? chars : -1;
        var (at, seen) = (ascii, ascii);
        while (seen < chars && at < utf8.Length)
        {
            var lead = utf8[at];
            var length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
            at += length;
            seen += length == 4 ? 2 : 1;
        }
        return seen == chars && at <= utf8.Length ? at : -1;
    }

    /// <summary>The parsed whole document, for callers that hand it on as a JSON element.</summary>
    public static JsonElement Parse(string text, string dataJson, int? textSlot)
    {
        using var document = JsonDocument.Parse(Compose(text, dataJson, textSlot));
        return document.RootElement.Clone();
    }

    /// <summary>The slot, after checking that the placeholder is there; null when the document is stored whole.</summary>
    private static int? CheckedSlot(string dataJson, int? textSlot)
    {
        if (textSlot is not { } slot)
            return null;
        if (slot < 0 || slot + Placeholder.Length > dataJson.Length || string.CompareOrdinal(dataJson, slot, Placeholder, 0, Placeholder.Length) != 0)
            throw new InvalidDataException($"stored document has no text placeholder at offset {slot}");
        return slot;
    }
}
