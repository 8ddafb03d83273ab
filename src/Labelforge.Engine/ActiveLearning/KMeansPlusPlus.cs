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
        for (var c = 0; c < count; c++)
        {
            picked[c] = candidates[current];
            taken[current] = true;
            var center = features.AsSpan(candidates[current] * dimension, dimension);
            var total = 0.0;
            for (var m = 0; m < candidates.Length; m++)
            {
                if (taken[m])
                {
                    nearest[m] = 0;
                    continue;
                }
                var d = SquaredDistance(features.AsSpan(candidates[m] * dimension, dimension), center);
                if (d < nearest[m])
                    nearest[m] = d;
                total += nearest[m];
            }
            if (c + 1 < count)
                current = Draw(nearest, taken, total, random);
        }
        return picked;
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
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            var d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
