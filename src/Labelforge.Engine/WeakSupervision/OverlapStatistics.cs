using System.Numerics;
using System.Runtime.CompilerServices;

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
/// (mk)² · n / 128 word operations instead of touching every pair of votes in every row. Wide matrices of rarely
/// firing sources are the opposite case (164 sources x 9 classes: 1.1 M column pairs, 20 votes per row), so when
/// the pairs of votes, Σᵢ vᵢ(vᵢ + 1)/2, are fewer than the word operations, the rows are counted directly.
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
        if (VotePairs(matrix, cardinality) < (long)d * (d + 1) / 2 * ((matrix.Rows + 63) / 64))
            CountVotePairs(matrix, cardinality, counts);
        else
            CountBitsets(matrix, cardinality, counts);
        var n = Math.Max(1, matrix.Rows);
        var overlap = new double[d * d];
        for (var a = 0; a < d; a++)
        {
            for (var b = a; b < d; b++)
                overlap[(a * d) + b] = overlap[(b * d) + a] = counts[(a * d) + b] / (double)n;
        }
        return new OverlapStatistics(matrix.Columns, cardinality, matrix.Rows, overlap);
    }

    /// <summary>Σᵢ vᵢ(vᵢ + 1)/2 over rows with vᵢ votes (checking every cell's range on the way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long VotePairs(LabelMatrix matrix, int k)
    {
        var m = matrix.Columns;
        var cells = matrix.Cells;
        long pairs = 0;
        for (var i = 0; i < matrix.Rows; i++)
        {
            var votes = 0;
            for (var j = 0; j < m; j++)
            {
                int label = cells[(i * m) + j];
                if ((uint)(label + 1) > (uint)k)
                    throw new ArgumentException($"cell (row {i}, column {j}) holds {label}, outside abstain and 0..{k - 1}", nameof(matrix));
                votes += label == LabelIndex.Abstain ? 0 : 1;
            }
            pairs += (long)votes * (votes + 1) / 2;
        }
        return pairs;
    }

    /// <summary>Upper-triangle counts straight from each row's votes (a ≤ b), for sparse wide matrices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CountVotePairs(LabelMatrix matrix, int k, long[] counts)
    {
        var m = matrix.Columns;
        var d = m * k;
        var cells = matrix.Cells;
        var votes = new int[m];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var v = 0;
            for (var j = 0; j < m; j++)
            {
                int label = cells[(i * m) + j];
                if (label != LabelIndex.Abstain)
                    votes[v++] = (j * k) + label; // ascending in j, so a ≤ b below
            }
            for (var x = 0; x < v; x++)
            {
                var row = votes[x] * d;
                for (var y = x; y < v; y++)
                    counts[row + votes[y]]++;
            }
        }
    }

    private static void CountBitsets(LabelMatrix matrix, int cardinality, long[] counts)
    {
        var d = matrix.Columns * cardinality;
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
    }

    private const int BlockWords = 64;
    private const int BlockRows = BlockWords * 64;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
