using System.Buffers;
using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Items;

namespace Labelforge.Core.Export;

/// <summary>
/// Reused buffers for one writer: an item's text as a JSON string literal (escaped by a JSON writer with the options
/// every stored and exported document uses, so it is byte for byte what the writer itself would write) and the
/// item's whole document composed around it.
/// </summary>
internal sealed class ExportTextScratch : IDisposable
{
    private readonly ArrayBufferWriter<byte> _text = new(1024);
    private readonly ArrayBufferWriter<byte> _document = new(2048);
    private readonly Utf8JsonWriter _writer;

    public ExportTextScratch() => _writer = new Utf8JsonWriter(_text, JsonScratch.WriterOptions);

    /// <summary>"text", quoted and escaped; valid until the next call.</summary>
    public ReadOnlyMemory<byte> Quote(string text)
    {
        _text.ResetWrittenCount();
        _writer.Reset(_text);
        _writer.WriteStringValue(text);
        _writer.Flush();
        return _text.WrittenMemory;
    }

    /// <summary>The whole document as UTF-8, with <paramref name="quotedText"/> in its text slot; valid until the next call.</summary>
    public ReadOnlySpan<byte> Document(string storedDataJson, int? textSlot, ReadOnlySpan<byte> quotedText)
    {
        _document.ResetWrittenCount();
        ItemDocument.ComposeUtf8(storedDataJson, textSlot, quotedText, _document);
        return _document.WrittenSpan;
    }

    public void Dispose() => _writer.Dispose();
}
