using System.Numerics;

namespace Labelforge.Engine.ActiveLearning;

/// <summary>
/// k-means++ seeding (Arthur &amp; Vassilvitskii, "k-means++: The Advantages of Careful Seeding", SODA 2007): the first
/// center is uniform, each next one is drawn with probability proportional to D(x)², its squared Euclidean distance to
/// the nearest chosen center. Picks spread-out, representative items in O(candidates · count · dimension).
/// </summary>
public static class KMeansPlusPlus
{
    /// <summary>Chooses <paramref name="count"/> of <paramref name="candidates"/> (rows of <paramref name="features"/>).</summary>
    /// <param name="features">Row-major vectors, <paramref name="dimension"/> floats per item.</param>
    /// <param name="dimension">Length of one vector.</param>
    /// <param name="candidates">Rows to choose from.</param>
    /// <param name="count">How many to choose.</param>
    /// <param name="random">Seeded source of the draws.</param>
    public static int[] Seed(float[] features, int dimension, ReadOnlySpan<int> candidates, int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        count = Math.Min(count, candidates.Length);
        if (count <= 0)
            return [];
        var nearest = new double[candidates.Length];
        Array.Fill(nearest, double.PositiveInfinity);
        var taken = new bool[candidates.Length];
        var picked = new int[count];
        var current = random.Next(candidates.Length);
        var rows = candidates.ToArray();
        var blockTotals = new double[Math.Max(1, (rows.Length + BlockSize - 1) / BlockSize)];
        for (var c = 0; c < count; c++)
        {
            picked[c] = rows[current];
            taken[current] = true;
            var center = rows[current] * dimension;
            // Fixed blocks summed in block order: the same seed draws the same items on any number of cores.
            Parallel.For(0, blockTotals.Length, b =>
            {
                var total = 0.0;
                var end = Math.Min(rows.Length, (b + 1) * BlockSize);
                for (var m = b * BlockSize; m < end; m++)
                {
                    if (taken[m])
                    {
                        nearest[m] = 0;
                        continue;
                    }
                    var d = SquaredDistance(features.AsSpan(rows[m] * dimension, dimension), features.AsSpan(center, dimension));
                    if (d < nearest[m])
                        nearest[m] = d;
                    total += nearest[m];
                }
                blockTotals[b] = total;
            });
            if (c + 1 < count)
                current = Draw(nearest, taken, Sum(blockTotals), random);
        }
        return picked;
    }

    private const int BlockSize = 16_384;

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v;
        return sum;
    }

    private static int Draw(double[] weights, bool[] taken, double total, Random random)
    {
        // All remaining items coincide with a center: fall back to the first untaken one.
        if (total <= 0)
            return Array.IndexOf(taken, false);
        var target = random.NextDouble() * total;
        var last = -1;
        for (var m = 0; m < weights.Length; m++)
        {
            if (taken[m])
                continue;
            last = m;
            target -= weights[m];
            if (target < 0)
                return m;
        }
        return last;
    }

    private static double SquaredDistance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var acc = Vector<float>.Zero;
            for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                var d = new Vector<float>(a[i..]) - new Vector<float>(b[i..]);
                acc += d * d;
            }
            sum = Vector.Sum(acc);
        }
        for (; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
