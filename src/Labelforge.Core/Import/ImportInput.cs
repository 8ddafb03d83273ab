using System.Buffers;

namespace Labelforge.Core.Import;

/// <summary>
/// A growable byte window over a stream. Readers parse <see cref="Data"/>, <see cref="Advance"/> past what
/// they used and call <see cref="FillAsync"/> for more; the window grows only up to the size the caller allows.
/// </summary>
internal sealed class ImportInput : IDisposable
{
    private readonly Stream stream;
    private byte[] buffer;
    private int start;
    private int end;

    public ImportInput(Stream stream, int bufferBytes)
    {
        this.stream = stream;
        buffer = ArrayPool<byte>.Shared.Rent(Math.Max(bufferBytes, 4096));
    }

    /// <summary>True once the stream has no more bytes.</summary>
    public bool Eof { get; private set; }

    /// <summary>Physical line (1-based) of the first byte of <see cref="Data"/>, kept by <see cref="AdvanceCountingLines"/>.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Bytes skipped or consumed so far, for byte offsets in messages.</summary>
    public long Offset { get; private set; }

    public ReadOnlySpan<byte> Data => buffer.AsSpan(start, end - start);

    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(start, end - start);

    public int Length => end - start;

    /// <summary>The window as writable memory, for the one in-place edit the JSON array reader makes.</summary>
    public Span<byte> WritableData => buffer.AsSpan(start, end - start);

    public void Advance(int count)
    {
        start += count;
        Offset += count;
    }

    public void AdvanceCountingLines(int count)
    {
        Line += buffer.AsSpan(start, count).Count((byte)'\n');
        Advance(count);
    }

    /// <summary>Skips a UTF-8 byte order mark at the current position.</summary>
    public void SkipBom()
    {
        if (Data.StartsWith("\uFEFF"u8))
            Advance(3);
    }

    /// <summary>
    /// Reads more bytes after the unread ones, growing the window up to <paramref name="maxWindow"/> bytes when it
    /// is full. Returns false at the end of the stream. Throws if the window is already at its maximum; callers
    /// must skip oversized rows instead.
    /// </summary>
    public async ValueTask<bool> FillAsync(int maxWindow, CancellationToken ct)
    {
        if (Eof)
            return false;
        Compact();
        if (end == buffer.Length)
            Grow(maxWindow);
        var read = await stream.ReadAsync(buffer.AsMemory(end), ct);
        if (read == 0)
        {
            Eof = true;
            return false;
        }
        end += read;
        return true;
    }

    /// <summary>Fills until at least <paramref name="bytes"/> are available or the stream ends (for format sniffing).</summary>
    public async ValueTask FillAtLeastAsync(int bytes, CancellationToken ct)
    {
        while (Length < bytes && await FillAsync(Math.Max(bytes, buffer.Length), ct))
        {
        }
    }

    private void Compact()
    {
        if (start == 0)
            return;
        Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
        end -= start;
        start = 0;
    }

    private void Grow(int maxWindow)
    {
        if (buffer.Length >= maxWindow)
            throw new InvalidOperationException($"read window is full at {buffer.Length} bytes; the caller should have skipped the row");
        var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, maxWindow));
        Buffer.BlockCopy(buffer, 0, bigger, 0, end);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = bigger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }
}
