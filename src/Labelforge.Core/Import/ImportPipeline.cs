using System.Threading.Channels;
using Labelforge.Core.Import.Readers;

namespace Labelforge.Core.Import;

/// <summary>
/// Runs a reader on its own task so that parsing, UTF-8 work and hashing overlap with the database writer:
/// the import is bound by the single SQLite writer, and the reader would otherwise add its whole time to it.
/// A small bounded channel of chunks keeps memory flat (at most <see cref="Depth"/> chunks in flight).
/// </summary>
internal sealed class ImportPipeline : IAsyncDisposable
{
    private const int ChunkRows = 512;
    private const int Depth = 8;

    private readonly Channel<ImportChunk> _channel = Channel.CreateBounded<ImportChunk>(
        new BoundedChannelOptions(Depth) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop;
    private readonly Task _producer;

    public ImportPipeline(IAsyncEnumerable<ImportEntry> entries, CancellationToken ct)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _producer = Task.Run(() => ProduceAsync(entries, _stop.Token), CancellationToken.None);
    }

    /// <summary>The chunks in reader order; a reader exception surfaces here.</summary>
    public IAsyncEnumerable<ImportChunk> ReadAllAsync(CancellationToken ct) => _channel.Reader.ReadAllAsync(ct);

    private async Task ProduceAsync(IAsyncEnumerable<ImportEntry> entries, CancellationToken ct)
    {
        try
        {
            var chunk = new ImportChunk(ChunkRows);
            await foreach (var entry in entries.WithCancellation(ct))
            {
                chunk.Add(entry);
                if (!chunk.IsFull)
                    continue;
                await _channel.Writer.WriteAsync(chunk, ct);
                chunk = new ImportChunk(ChunkRows);
            }
            if (chunk.Count > 0)
                await _channel.Writer.WriteAsync(chunk, ct);
            _channel.Writer.Complete();
        }
#pragma warning disable CA1031 // any reader failure must reach the writer side, which rethrows it
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _channel.Writer.TryComplete(ex);
        }
    }

    /// <summary>Stops the reader (when the writer ended early) and waits for it, so no task outlives the import.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _producer;
        _stop.Dispose();
    }
}
