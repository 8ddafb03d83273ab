using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using Labelforge.Core.Import;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// A reused output buffer with one JSON writer over it. Writers append rows and call <see cref="FlushIfFullAsync"/>;
/// the buffer goes to the stream in large writes and never holds more than one flush worth of rows. There are two
/// buffers: while one is being written to the stream (a file stream writes on a pool thread), rows go into the
/// other, so composing and writing overlap on two cores.
/// </summary>
internal sealed class ExportBuffer(Stream output, ExportOptions options) : IBufferWriter<byte>
{
    private ArrayBufferWriter<byte> buffer = new(options.FlushBytes + 64 * 1024);
    private ArrayBufferWriter<byte> spare = new(options.FlushBytes + 64 * 1024);
    private Task pending = Task.CompletedTask;

    public Utf8JsonWriter Json { get; } = new(Stream.Null, JsonScratch.WriterOptions);

    /// <summary>The buffer as a byte sink; it stays valid across flushes.</summary>
    public IBufferWriter<byte> Bytes => this;

    /// <summary>Points the JSON writer at the buffer for one new top-level value.</summary>
    public Utf8JsonWriter BeginJson()
    {
        Json.Reset(this);
        return Json;
    }

    public void EndJson() => Json.Flush();

    public void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    /// <summary>A whole number as JSON writes it.</summary>
    public void WriteInt64(long value)
    {
        Utf8Formatter.TryFormat(value, buffer.GetSpan(20), out var written);
        buffer.Advance(written);
    }

    public void Advance(int count) => buffer.Advance(count);

    public Memory<byte> GetMemory(int sizeHint = 0) => buffer.GetMemory(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => buffer.GetSpan(sizeHint);

    public ValueTask FlushIfFullAsync(CancellationToken ct) =>
        buffer.WrittenCount >= options.FlushBytes ? FlushAsync(ct) : ValueTask.CompletedTask;

    /// <summary>Writes what is left and flushes the output stream (it stays open).</summary>
    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await pending;
        await output.FlushAsync(ct);
    }

    /// <summary>Waits for the previous write, then starts writing the buffer and swaps in the other one.</summary>
    public async ValueTask FlushAsync(CancellationToken ct)
    {
        await pending;
        if (buffer.WrittenCount == 0)
            return;
        pending = output.WriteAsync(buffer.WrittenMemory, ct).AsTask();
        (buffer, spare) = (spare, buffer);
        buffer.ResetWrittenCount();
    }
}
