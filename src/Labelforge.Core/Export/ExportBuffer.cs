using System.Buffers;
using System.Text.Json;
using Labelforge.Core.Import;

namespace Labelforge.Core.Export;

/// <summary>
/// A reused output buffer with one JSON writer over it. Writers append rows and call <see cref="FlushIfFullAsync"/>;
/// the buffer goes to the stream in large writes and never holds more than one flush worth of rows.
/// </summary>
internal sealed class ExportBuffer(Stream output, ExportOptions options)
{
    private readonly ArrayBufferWriter<byte> buffer = new(options.FlushBytes + 64 * 1024);

    public Utf8JsonWriter Json { get; } = new(Stream.Null, JsonScratch.WriterOptions);

    public IBufferWriter<byte> Bytes => buffer;

    /// <summary>Points the JSON writer at the buffer for one new top-level value.</summary>
    public Utf8JsonWriter BeginJson()
    {
        Json.Reset(buffer);
        return Json;
    }

    public void EndJson() => Json.Flush();

    public void Write(ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    public ValueTask FlushIfFullAsync(CancellationToken ct) =>
        buffer.WrittenCount >= options.FlushBytes ? FlushAsync(ct) : ValueTask.CompletedTask;

    /// <summary>Writes what is left and flushes the output stream (it stays open).</summary>
    public async ValueTask CompleteAsync(CancellationToken ct)
    {
        await FlushAsync(ct);
        await output.FlushAsync(ct);
    }

    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (buffer.WrittenCount > 0)
            await output.WriteAsync(buffer.WrittenMemory, ct);
        buffer.ResetWrittenCount();
    }
}
