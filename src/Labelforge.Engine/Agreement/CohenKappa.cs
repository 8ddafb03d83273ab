using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// Cohen's kappa for two annotators (Cohen 1960; weighted, Cohen 1968): from the K x K table o of the items
/// both labeled (as proportions) and the chance table <c>e_ab = o_a. o_.b</c>,
/// <c>kappa = 1 - sum_ab d_ab o_ab / sum_ab d_ab e_ab</c> with disagreement weights d
/// (<see cref="KappaWeighting"/>); with d = [a != b] this is <c>(p_o - p_e) / (1 - p_e)</c>.
/// NaN when chance disagreement is 0 (both annotators used one label only).
/// </summary>
public static class CohenKappa
{
    /// <summary>Kappa of the two annotators who answered; throws if the answers have any other number of annotators.</summary>
    public static double Compute(CrowdAnswers answers, KappaWeighting weighting = KappaWeighting.None, double[]? itemWeights = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var (first, second) = TheTwoAnnotators(answers);
        return FromTable(Table(answers, first, second, itemWeights), answers.ClassCount, weighting);
    }

    /// <summary>Kappa from a K x K contingency table stored row-major (rows: first annotator).</summary>
    public static double FromTable(double[] table, int classCount, KappaWeighting weighting = KappaWeighting.None)
    {
        ArgumentNullException.ThrowIfNull(table);
        var k = classCount;
        var rows = new double[k];
        var cols = new double[k];
        var total = 0.0;
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                var v = table[(a * k) + b];
                rows[a] += v;
                cols[b] += v;
                total += v;
            }
        }
        if (total == 0)
            return double.NaN;
        double observed = 0, chance = 0;
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                var d = Disagreement(a, b, k, weighting);
                observed += d * table[(a * k) + b] / total;
                chance += d * rows[a] / total * (cols[b] / total);
            }
        }
        return chance <= 1e-12 ? double.NaN : 1 - (observed / chance);
    }

    internal static double Disagreement(int a, int b, int k, KappaWeighting weighting)
    {
        if (a == b)
            return 0;
        var scaled = Math.Abs(a - b) / (double)Math.Max(1, k - 1);
        return weighting switch
        {
            KappaWeighting.Linear => scaled,
            KappaWeighting.Quadratic => scaled * scaled,
            _ => 1,
        };
    }

    /// <summary>The contingency table of two annotators over the items both labeled (first answer of each).</summary>
    internal static double[] Table(CrowdAnswers answers, int first, int second, double[]? itemWeights)
    {
        var k = answers.ClassCount;
        var table = new double[k * k];
        var index = answers.ByItem;
        for (var i = 0; i < answers.ItemCount; i++)
        {
            int a = LabelOf(index, i, first), b = LabelOf(index, i, second);
            if (a != LabelIndex.Abstain && b != LabelIndex.Abstain)
                table[(a * k) + b] += itemWeights?[i] ?? 1.0;
        }
        return table;
    }

    private static int LabelOf(AnswerIndex index, int item, int annotator)
    {
        for (var p = index.Start[item]; p < index.Start[item + 1]; p++)
        {
            if (index.Other[p] == annotator)
                return index.Label[p];
        }
        return LabelIndex.Abstain;
    }

    private static (int First, int Second) TheTwoAnnotators(CrowdAnswers answers)
    {
        var index = answers.ByAnnotator;
        Span<int> found = stackalloc int[2];
        var count = 0;
        for (var w = 0; w < answers.AnnotatorCount; w++)
        {
            if (index.Size(w) == 0)
                continue;
            if (count < 2)
                found[count] = w;
            count++;
        }
        if (count != 2)
            throw new ArgumentException($"Cohen's kappa needs exactly two annotators; the answers have {count}.", nameof(answers));
        return (found[0], found[1]);
    }
}
