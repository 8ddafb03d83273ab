using Labelforge.Engine;

namespace Labelforge.Engine.Tests.LabelErrors;

/// <summary>Seeded data with known label flips: a model that is right about the true class most of the time.</summary>
internal static class SyntheticNoise
{
    public static (int[] Given, bool[] Flipped, ProbabilityMatrix Probabilities) Make(int n, int k, double flipRate, int seed)
    {
        var random = new Random(seed);
        var given = new int[n];
        var flipped = new bool[n];
        var values = new float[n * k];
        for (var i = 0; i < n; i++)
        {
            var truth = random.Next(k);
            given[i] = truth;
            if (random.NextDouble() < flipRate)
            {
                given[i] = (truth + 1 + random.Next(k - 1)) % k;
                flipped[i] = true;
            }
            var sum = 0.0;
            var row = new double[k];
            for (var j = 0; j < k; j++)
            {
                row[j] = random.NextDouble() * 0.3;
                if (j == truth)
                    row[j] += 0.4 + (random.NextDouble() * 1.5);
                sum += row[j];
            }
            for (var j = 0; j < k; j++)
                values[(i * k) + j] = (float)(row[j] / sum);
        }
        return (given, flipped, new ProbabilityMatrix(values, k));
    }
}
