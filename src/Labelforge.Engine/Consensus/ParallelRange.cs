namespace Labelforge.Engine.Consensus;

/// <summary>
/// Splits 0..count-1 into contiguous chunks whose boundaries depend only on <c>count</c> and runs them in
/// parallel. Partial sums are added in chunk order, so results are bit-identical for any degree of
/// parallelism and any thread scheduling.
/// </summary>
internal static class ParallelRange
{
    private const int MinChunk = 2048;
    private const int MaxChunks = 64;

    public static void For(int count, int maxParallelism, Action<int, int> body)
    {
        var chunks = ChunkCount(count);
        if (chunks <= 1 || maxParallelism <= 1)
        {
            body(0, count);
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, c =>
        {
            var (start, end) = Bounds(count, chunks, c);
            body(start, end);
        });
    }

    /// <summary>Runs <paramref name="body"/>(chunk, start, end) for every chunk of <see cref="ChunkCount"/>.</summary>
    public static void ForChunks(int count, int maxParallelism, Action<int, int, int> body)
    {
        var chunks = ChunkCount(count);
        if (chunks <= 1)
        {
            body(0, 0, count);
            return;
        }
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) }, c =>
        {
            var (start, end) = Bounds(count, chunks, c);
            body(c, start, end);
        });
    }

    public static double Sum(int count, int maxParallelism, Func<int, int, double> body)
    {
        var chunks = ChunkCount(count);
        if (chunks <= 1)
            return body(0, count);
        var partial = new double[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism) }, c =>
        {
            var (start, end) = Bounds(count, chunks, c);
            partial[c] = body(start, end);
        });
        var total = 0.0;
        foreach (var p in partial)
            total += p;
        return total;
    }

    public static int ChunkCount(int count) => Math.Max(1, Math.Min(MaxChunks, (count + MinChunk - 1) / MinChunk));

    private static (int Start, int End) Bounds(int count, int chunks, int c) =>
        ((int)((long)count * c / chunks), (int)((long)count * (c + 1) / chunks));
}
