using Labelforge.Engine;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Core.LabelingFunctions.Projects.Fitting;

/// <summary>
/// Rates each function by any fitted label model's posteriors, so every model (majority, matrix completion,
/// Dawid-Skene) is reported the same way. The estimated accuracy of function j is
/// a_j = (1 / |F_j|) Σ_{i ∈ F_j} P(Y = λ_ij | Λ_i) over the items F_j it votes on, which under the model equals
/// P(Y = λ_j | λ_j fires). Its weight is the log-odds a vote adds in the one-coin model with k classes,
/// w_j = ln((k − 1) a_j / (1 − a_j)) (Dawid and Skene 1979; the weighted vote of Ratner et al. 2016).
/// </summary>
internal static class LabelingFunctionWeights
{
    private const double Clamp = 1e-3;

    public static IReadOnlyList<LabelingFunctionWeight> Compute(LabelMatrix matrix, double[,] probabilities, IReadOnlyList<string> names, int k)
    {
        var m = matrix.Columns;
        var sums = new double[m];
        var fires = new int[m];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.Row(i);
            for (var j = 0; j < m; j++)
            {
                if (row[j] == LabelIndex.Abstain)
                    continue;
                fires[j]++;
                sums[j] += probabilities[i, row[j]];
            }
        }
        var result = new LabelingFunctionWeight[m];
        for (var j = 0; j < m; j++)
        {
            var coverage = matrix.Rows == 0 ? 0 : fires[j] / (double)matrix.Rows;
            if (fires[j] == 0)
            {
                result[j] = new LabelingFunctionWeight(names[j], 0, null, null);
                continue;
            }
            var accuracy = sums[j] / fires[j];
            var a = Math.Clamp(accuracy, Clamp, 1 - Clamp);
            result[j] = new LabelingFunctionWeight(names[j], Math.Round(coverage, 6), Math.Round(accuracy, 6), Math.Round(Math.Log((k - 1) * a / (1 - a)), 6));
        }
        return result;
    }

    /// <summary>The most probable label of a row (the first on ties), as written to its annotation.</summary>
    public static int Best(double[,] probabilities, int row)
    {
        var best = 0;
        for (var c = 1; c < probabilities.GetLength(1); c++)
        {
            if (probabilities[row, c] > probabilities[row, best])
                best = c;
        }
        return best;
    }

    public static bool Covered(ReadOnlySpan<short> row)
    {
        foreach (var v in row)
        {
            if (v != LabelIndex.Abstain)
                return true;
        }
        return false;
    }
}
