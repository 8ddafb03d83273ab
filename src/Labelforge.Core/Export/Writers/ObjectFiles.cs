using System.IO.Compression;

namespace Labelforge.Core.Export.Writers;

/// <summary>
/// Where a folder export (voc, yolo) puts its files: a folder on disk (the CLI's --output FOLDER) or the entries of a
/// zip streamed as one download (the server), each at the image's relative path with the format's extension.
/// </summary>
internal abstract class ObjectFiles : IAsyncDisposable
{
    /// <summary>A file at <paramref name="relative"/> ('/'-separated) to write and dispose before the next is created.</summary>
    public abstract Task<Stream> CreateAsync(string relative, CancellationToken ct);

    /// <summary>Called after each file is closed: a zip passes the finished entry on to its output.</summary>
    public virtual Task FileDoneAsync(CancellationToken ct) => Task.CompletedTask;

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>The annotation file of <paramref name="image"/>: its relative path with <paramref name="extension"/>; a rooted path or one with '..' keeps only its name.</summary>
    public static string RelativeFor(string image, string extension)
    {
        var relative = image.Replace('\\', '/');
        if (Path.IsPathRooted(relative) || relative.Split('/').Contains(".."))
            relative = relative.Split('/')[^1];
        return Path.ChangeExtension(relative, extension).TrimStart('/');
    }

    public static ObjectFiles InFolder(string folder) => new Folder(folder);

    /// <summary>A zip written to <paramref name="output"/>; dispose it (asynchronously) to write the zip's directory.</summary>
    public static ObjectFiles InZip(Stream output) => new Zip(output);

    private sealed class Folder(string folder) : ObjectFiles
    {
        public override Task<Stream> CreateAsync(string relative, CancellationToken ct)
        {
            var path = Path.Combine(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return Task.FromResult<Stream>(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous));
        }
    }

    /// <summary>
    /// ZipArchive closes an entry, and writes its directory, with synchronous writes, which a response body refuses; so
    /// the archive writes into memory (<see cref="ZipChunks"/>, unseekable, so entries carry data descriptors and nothing
    /// is rewritten), and each finished entry is copied to the output asynchronously: memory holds one entry at a time.
    /// </summary>
    private sealed class Zip : ObjectFiles
    {
        private readonly Stream _output;
        private readonly ZipChunks _chunks = new();
        private readonly ZipArchive _zip;

        public Zip(Stream output)
        {
            _output = output;
            _zip = new ZipArchive(_chunks, ZipArchiveMode.Create, leaveOpen: true);
        }

        public override Task<Stream> CreateAsync(string relative, CancellationToken ct) =>
            Task.FromResult(_zip.CreateEntry(relative, CompressionLevel.Fastest).Open());

        public override Task FileDoneAsync(CancellationToken ct) => _chunks.DrainAsync(_output, ct);

        public override async ValueTask DisposeAsync()
        {
            _zip.Dispose();
            await _chunks.DrainAsync(_output, CancellationToken.None);
            await _output.FlushAsync();
            await _chunks.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    /// <summary>A write-only, unseekable stream into memory whose bytes are moved to another stream on <see cref="DrainAsync"/>.</summary>
    private sealed class ZipChunks : Stream
    {
        private readonly MemoryStream _buffer = new();
        private long _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _written; set => throw new NotSupportedException(); }

        public async Task DrainAsync(Stream output, CancellationToken ct)
        {
            if (_buffer.Length == 0)
                return;
            await output.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), ct);
            _buffer.SetLength(0);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            _buffer.Write(buffer, offset, count);
            _written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _buffer.Write(buffer);
            _written += buffer.Length;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                _buffer.Dispose();
            base.Dispose(disposing);
        }
    }
}
