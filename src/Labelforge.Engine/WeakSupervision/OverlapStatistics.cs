using System.Numerics;

namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// The one-pass sufficient statistics of a label matrix for moment-based label models: the overlap matrix
/// O = Λ̃ᵀΛ̃ / n of the one-hot augmented matrix Λ̃ (n × mk, column j·k + l is 1 where source j voted l).
/// O[(j,l),(j',l')] is the fraction of items where source j voted l and source j' voted l'; its diagonal
/// holds each source's per-label firing rate. Ratner et al., "Training Complex Models with Multi-Task Weak
/// Supervision", AAAI 2019.
/// </summary>
/// <remarks>
/// Each (source, label) column becomes a bitset over items, so an entry is popcount(a AND b): about
/// (mk)² · n / 128 word operations instead of touching every pair of votes in every row.
/// </remarks>
public sealed class OverlapStatistics
{
    private OverlapStatistics(int sources, int cardinality, int items, double[] overlap)
    {
        Sources = sources;
        Cardinality = cardinality;
        Items = items;
        Overlap = overlap;
    }

    /// <summary>Number of sources m.</summary>
    public int Sources { get; }

    /// <summary>Number of classes k.</summary>
    public int Cardinality { get; }

    /// <summary>Number of items n the statistics were computed over.</summary>
    public int Items { get; }

    /// <summary>O as a row-major (mk × mk) array of fractions.</summary>
    public double[] Overlap { get; }

    /// <summary>Side of O: m·k.</summary>
    public int Dimension => Sources * Cardinality;

    /// <summary>O[a, b] with a = j·k + l.</summary>
    public double this[int a, int b] => Overlap[(a * Dimension) + b];

    /// <summary>Computes O for a matrix whose labels lie in 0..cardinality-1 (throws on any other cell).</summary>
    public static OverlapStatistics Compute(LabelMatrix matrix, int cardinality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cardinality, 2);
        var d = matrix.Columns * cardinality;
        var counts = new long[d * d];
        var blocks = (matrix.Rows + BlockRows - 1) / BlockRows;
        // One pass: each block of rows becomes cache-resident bitsets whose pair counts are merged at the end.
        Parallel.For(0, blocks, () => new long[d * d], (block, _, local) =>
        {
            CountBlock(matrix, cardinality, block, local);
            return local;
        }, local =>
        {
            lock (counts)
            {
                for (var i = 0; i < counts.Length; i++)
                    counts[i] += local[i];
            }
        });
        var n = Math.Max(1, matrix.Rows);
        var overlap = new double[d * d];
        for (var a = 0; a < d; a++)
        {
            for (var b = a; b < d; b++)
                overlap[(a * d) + b] = overlap[(b * d) + a] = counts[(a * d) + b] / (double)n;
        }
        return new OverlapStatistics(matrix.Columns, cardinality, matrix.Rows, overlap);
    }

    private const int BlockWords = 64;
    private const int BlockRows = BlockWords * 64;

    private static void CountBlock(LabelMatrix matrix, int k, int block, long[] counts)
    {
        var m = matrix.Columns;
        var d = m * k;
        var first = block * BlockRows;
        var end = Math.Min(matrix.Rows, first + BlockRows);
        var words = (end - first + 63) / 64;
        // One bitset per (source, outcome) with abstain as outcome 0, so setting a bit needs no branch; the
        // abstain bitsets are simply never counted.
        var outcomes = k + 1;
        var bits = new ulong[m * outcomes * words];
        var cells = matrix.Cells;
        for (var i = first; i < end; i++)
        {
            var w = (i - first) >> 6;
            var bit = 1UL << ((i - first) & 63);
            var offset = i * m;
            for (var j = 0; j < m; j++)
            {
                int label = cells[offset + j];
                if ((uint)(label + 1) > (uint)k)
                    throw new ArgumentException($"cell (row {i}, column {j}) holds {label}, outside abstain and 0..{k - 1}", nameof(matrix));
                bits[((((j * outcomes) + label + 1) * words) + w)] |= bit;
            }
        }
        for (var a = 0; a < d; a++)
        {
            var rowA = bits.AsSpan(Bitset(a, k) * words, words);
            for (var b = a; b < d; b++)
                counts[(a * d) + b] += Intersect(rowA, bits.AsSpan(Bitset(b, k) * words, words));
        }
    }

    /// <summary>The bitset of column a = j·k + l of O: outcome l + 1 of source j.</summary>
    private static int Bitset(int a, int k) => ((a / k) * (k + 1)) + (a % k) + 1;

    private static long Intersect(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        long count = 0;
        for (var w = 0; w < a.Length; w++)
            count += BitOperations.PopCount(a[w] & b[w]);
        return count;
    }
}
