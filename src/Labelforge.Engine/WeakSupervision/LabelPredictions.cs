using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.WeakSupervision;

/// <summary>Hard labels from probabilistic labels: the argmax of each row, with an explicit tie policy.</summary>
public static class LabelPredictions
{
    /// <summary>Probabilities closer than this count as tied (floating-point noise is not a preference).</summary>
    public const double TieTolerance = 1e-9;

    /// <summary>The argmax label per row; ties (within <see cref="TieTolerance"/>) are resolved by <paramref name="policy"/>.</summary>
    public static int[] Argmax(double[,] probabilities, TieBreak policy, int seed = 0)
    {
        var n = probabilities.GetLength(0);
        var k = probabilities.GetLength(1);
        var random = new Random(seed);
        var result = new int[n];
        var tied = new List<int>(k);
        for (var i = 0; i < n; i++)
        {
            var best = double.NegativeInfinity;
            for (var y = 0; y < k; y++)
                best = Math.Max(best, probabilities[i, y]);
            tied.Clear();
            for (var y = 0; y < k; y++)
            {
                if (probabilities[i, y] >= best - TieTolerance)
                    tied.Add(y);
            }
            result[i] = tied.Count == 1 ? tied[0] : policy switch
            {
                TieBreak.Abstain => LabelIndex.Abstain,
                TieBreak.Random => tied[random.Next(tied.Count)],
                _ => tied[0],
            };
        }
        return result;
    }
}
