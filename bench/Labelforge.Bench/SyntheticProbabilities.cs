using Labelforge.Engine;

namespace Labelforge.Bench;

/// <summary>Seeded n x k probabilities around a hidden true class, and given labels with a share flipped.</summary>
internal static class SyntheticProbabilities
{
    public static (int[] Given, ProbabilityMatrix Probabilities) Make(int n, int k, double flipRate, int seed)
    {
        var random = new Random(seed);
        var given = new int[n];
        var values = new float[n * k];
        for (var i = 0; i < n; i++)
        {
            var truth = random.Next(k);
            given[i] = random.NextDouble() < flipRate ? (truth + 1 + random.Next(k - 1)) % k : truth;
            var sum = 0.0;
            for (var j = 0; j < k; j++)
            {
                var v = (random.NextDouble() * 0.4) + (j == truth ? 0.3 + (2 * random.NextDouble()) : 0);
                values[(i * k) + j] = (float)v;
                sum += v;
            }
            for (var j = 0; j < k; j++)
                values[(i * k) + j] = (float)(values[(i * k) + j] / sum);
        }
        return (given, new ProbabilityMatrix(values, k));
    }
}
