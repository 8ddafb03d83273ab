using Labelforge.Core.Media;

namespace Labelforge.Server.Tests.Features.Media;

/// <summary>
/// A media store for synthetic image items: every valid key is the same in-memory PNG, and it counts what the server
/// asks of it (lookups and bytes read), so a test sees exactly how much image data a request touched.
/// </summary>
internal sealed class CountingMediaStore(byte[] image) : IMediaStore
{
    private long _finds;
    private long _bytesRead;

    public long Finds => Interlocked.Read(ref _finds);

    public long BytesRead => Interlocked.Read(ref _bytesRead);

    public Task<string> AddAsync(string path, string extension, bool reference, CancellationToken ct = default) =>
        throw new NotSupportedException("synthetic items are written directly");

    public MediaFile? Find(string key)
    {
        Interlocked.Increment(ref _finds);
        return MediaKeys.IsValid(key)
            ? new MediaFile(key, MediaKeys.MediaType(key), image.Length, new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), () => new CountingStream(this, image))
            : null;
    }

    /// <summary>A read-only seekable stream over the image that adds every byte it hands out to the owner's count.</summary>
    private sealed class CountingStream(CountingMediaStore owner, byte[] bytes) : Stream
    {
        private readonly MemoryStream _inner = new(bytes, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => _inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count) => Counted(_inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(_inner.Read(buffer));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Counted(_inner.Read(buffer.Span)));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Counted(_inner.Read(buffer, offset, count)));

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _inner.Dispose();
            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            Interlocked.Add(ref owner._bytesRead, read);
            return read;
        }
    }
}
