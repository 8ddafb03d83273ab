using System.Runtime.CompilerServices;
using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// The per-item sums the multi-rater coefficients share, each item weighted (a bootstrap draw weights an item
/// by how often it was drawn). For item i with m_i answers and n_ik of them on label k:
/// <c>P_i = sum_k n_ik (n_ik - 1) / (m_i (m_i - 1))</c>, the share of agreeing ordered answer pairs.
/// </summary>
internal sealed class ItemTallies
{
    /// <summary>Sum of w_i P_i over items with at least two answers.</summary>
    public double ObservedSum { get; private set; }

    /// <summary>Sum of w_i over items with at least two answers.</summary>
    public double PairableWeight { get; private set; }

    /// <summary>Sum of w_i n_ik over items with at least two answers (Fleiss' marginals).</summary>
    public required double[] PairableLabelTotals { get; init; }

    /// <summary>Sum of w_i n_ik / m_i over items with at least one answer (Gwet's marginals).</summary>
    public required double[] LabelShares { get; init; }

    /// <summary>Sum of w_i over items with at least one answer.</summary>
    public double RatedWeight { get; private set; }

    /// <summary>Mean observed agreement over pairable items, or NaN when no item has two answers.</summary>
    public double Observed => PairableWeight > 0 ? ObservedSum / PairableWeight : double.NaN;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ItemTallies Compute(CrowdAnswers answers, double[]? itemWeights)
    {
        var k = answers.ClassCount;
        var tallies = new ItemTallies { PairableLabelTotals = new double[k], LabelShares = new double[k] };
        var index = answers.ByItem;
        var counts = new int[k];
        for (var i = 0; i < answers.ItemCount; i++)
        {
            int s = index.Start[i], e = index.Start[i + 1], m = e - s;
            var w = itemWeights?[i] ?? 1.0;
            if (m == 0 || w == 0)
                continue;
            for (var p = s; p < e; p++)
                counts[index.Label[p]]++;
            tallies.Add(counts, index.Label.AsSpan(s, m), w, m);
            for (var p = s; p < e; p++)
                counts[index.Label[p]] = 0;
        }
        return tallies;
    }

    private void Add(int[] counts, ReadOnlySpan<int> labels, double w, int m)
    {
        RatedWeight += w;
        double agreeing = 0;
        foreach (var l in labels)
        {
            // Visit each distinct label once: the first answer carrying it does the work.
            if (counts[l] < 0)
                continue;
            var c = counts[l];
            agreeing += (double)c * (c - 1);
            LabelShares[l] += w * c / m;
            if (m >= 2)
                PairableLabelTotals[l] += w * c;
            counts[l] = -c;
        }
        foreach (var l in labels)
            counts[l] = Math.Abs(counts[l]);
        if (m < 2)
            return;
        ObservedSum += w * agreeing / ((double)m * (m - 1));
        PairableWeight += w;
    }
}
