namespace Labelforge.Engine.Consensus;

/// <summary>
/// Splits 0..count-1 into a fixed set of contiguous chunks and runs them in parallel. Partial sums are
/// added in chunk order, so results do not depend on thread scheduling.
/// </summary>
internal static class ParallelRange
{
    private const int MinChunk = 2048;

    public static void For(int count, int maxParallelism, Action<int, int> body)
    {
        var chunks = ChunkCount(count, maxParallelism);
        if (chunks <= 1)
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

    public static double Sum(int count, int maxParallelism, Func<int, int, double> body)
    {
        var chunks = ChunkCount(count, maxParallelism);
        if (chunks <= 1)
            return body(0, count);
        var partial = new double[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxParallelism }, c =>
        {
            var (start, end) = Bounds(count, chunks, c);
            partial[c] = body(start, end);
        });
        var total = 0.0;
        foreach (var p in partial)
            total += p;
        return total;
    }

    private static int ChunkCount(int count, int maxParallelism) =>
        maxParallelism <= 1 ? 1 : Math.Min(maxParallelism * 4, (count + MinChunk - 1) / MinChunk);

    private static (int Start, int End) Bounds(int count, int chunks, int c) =>
        ((int)((long)count * c / chunks), (int)((long)count * (c + 1) / chunks));
}
