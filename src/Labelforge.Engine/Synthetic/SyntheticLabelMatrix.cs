using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Synthetic;

/// <summary>
/// Seeded label matrices with known truth for convergence and robustness tests: Y ~ Categorical(p); each
/// source j fires with probability coverage[j] independently of Y and, when it fires, votes Y with probability
/// accuracy[j], else a uniformly drawn wrong label. The generative model of Ratner et al., NeurIPS 2016
/// ("Data Programming"), so a correct label model recovers the accuracies.
/// </summary>
public static class SyntheticLabelMatrix
{
    /// <summary>Draws n rows; returns the matrix and the true labels.</summary>
    public static (LabelMatrix Matrix, int[] Truth) Generate(
        int n, IReadOnlyList<double> coverage, IReadOnlyList<double> accuracy, IReadOnlyList<double> classBalance, int seed)
    {
        if (coverage.Count != accuracy.Count)
            throw new ArgumentException("coverage and accuracy need one entry per source", nameof(accuracy));
        var k = classBalance.Count;
        var m = coverage.Count;
        var random = new Random(seed);
        var matrix = new LabelMatrix(n, m);
        var truth = new int[n];
        for (var i = 0; i < n; i++)
        {
            truth[i] = Draw(random, classBalance);
            for (var j = 0; j < m; j++)
            {
                if (random.NextDouble() >= coverage[j])
                    continue;
                var label = random.NextDouble() < accuracy[j] ? truth[i] : WrongLabel(random, truth[i], k);
                matrix[i, j] = label;
            }
        }
        return (matrix, truth);
    }

    private static int Draw(Random random, IReadOnlyList<double> weights)
    {
        var u = random.NextDouble();
        for (var y = 0; y < weights.Count - 1; y++)
        {
            u -= weights[y];
            if (u < 0)
                return y;
        }
        return weights.Count - 1;
    }

    private static int WrongLabel(Random random, int truth, int k)
    {
        var label = random.Next(k - 1);
        return label >= truth ? label + 1 : label;
    }
}
