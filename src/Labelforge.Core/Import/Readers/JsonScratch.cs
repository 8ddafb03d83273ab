using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Labelforge.Core.Items;

namespace Labelforge.Core.Import.Readers;

/// <summary>A reused buffer and JSON writer for building one small document at a time (an item's DataJson).</summary>
internal sealed class JsonScratch
{
    /// <summary>
    /// Writer options for documents we store or export: compact, and non-ASCII text kept as UTF-8 rather than
    /// \uXXXX escapes (the relaxed encoder still escapes quotes, control characters and HTML-sensitive ones safely
    /// for JSON; these documents are never embedded in HTML unencoded).
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly ArrayBufferWriter<byte> buffer = new(4096);
    private long slotByte = -1;

    public JsonScratch() => Writer = new Utf8JsonWriter(buffer, WriterOptions);

    public Utf8JsonWriter Writer { get; }

    /// <summary>Clears the buffer and returns the writer, ready for a new document.</summary>
    public Utf8JsonWriter Begin()
    {
        buffer.ResetWrittenCount();
        Writer.Reset(buffer);
        slotByte = -1;
        return Writer;
    }

    /// <summary>Writes the text field as the stored form's placeholder (see Items.ItemDocument) and notes where.</summary>
    public void WriteTextPlaceholder(JsonEncodedText name)
    {
        Writer.WriteNull(name);
        slotByte = Writer.BytesCommitted + Writer.BytesPending - ItemDocument.Placeholder.Length;
    }

    /// <summary>The bytes written since <see cref="Begin"/> (after the caller flushed the writer).</summary>
    public ReadOnlySpan<byte> Written => buffer.WrittenSpan;

    /// <summary>Flushes the writer and returns the document as a string.</summary>
    public string Finish()
    {
        Writer.Flush();
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// <see cref="Finish"/> plus the character offset of the placeholder written by
    /// <see cref="WriteTextPlaceholder"/> (null when none was written).
    /// </summary>
    public (string Json, int? TextSlot) FinishStored()
    {
        Writer.Flush();
        var written = buffer.WrittenSpan;
        int? slot = slotByte < 0 ? null : Encoding.UTF8.GetCharCount(written[..(int)slotByte]);
        return (Encoding.UTF8.GetString(written), slot);
    }
}
