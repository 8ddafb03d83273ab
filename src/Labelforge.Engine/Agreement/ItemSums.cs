using System.Runtime.CompilerServices;
using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// What Fleiss' kappa, Gwet's AC1 and nominal Krippendorff's alpha need of each rated item, computed once, so a
/// bootstrap replicate adds up the drawn items' sums instead of walking their answers again: per item its answer
/// count m, label counts n_k, the agreeing share of ordered answer pairs P (as in <see cref="ItemTallies"/>) and
/// alpha's observed disagreement 2 d / (m - 1), d the disagreeing unordered pairs. A replicate then costs one pass over
/// the draws with K additions each. Drawing an item twice adds its sums twice, which is what weight 2 means.
/// </summary>
internal sealed class ItemSums
{
    private readonly int _k;
    private readonly int[] _m;
    private readonly double[] _counts;
    private readonly double[] _agreeing;
    private readonly double[] _disagreeing;

    private ItemSums(int k, int[] m, double[] counts, double[] agreeing, double[] disagreeing) =>
        (_k, _m, _counts, _agreeing, _disagreeing) = (k, m, counts, agreeing, disagreeing);

    /// <summary>True for the metrics a replicate can take from these sums (nominal alpha only: other levels weigh pairs by the totals).</summary>
    public static bool Covers(AgreementMetric metric, AgreementOptions? options) => metric switch
    {
        AgreementMetric.FleissKappa or AgreementMetric.GwetAc1 => true,
        AgreementMetric.KrippendorffAlpha => (options?.Level ?? AgreementLevel.Nominal) == AgreementLevel.Nominal,
        _ => false,
    };

    /// <summary>The sums of each item in <paramref name="rated"/> (items with at least one answer), in that order.</summary>
    public static ItemSums Of(CrowdAnswers answers, int[] rated)
    {
        var k = answers.ClassCount;
        var index = answers.ByItem;
        var m = new int[rated.Length];
        var counts = new double[rated.Length * k];
        var agreeing = new double[rated.Length];
        var disagreeing = new double[rated.Length];
        for (var r = 0; r < rated.Length; r++)
        {
            int s = index.Start[rated[r]], e = index.Start[rated[r] + 1], size = e - s;
            m[r] = size;
            for (var p = s; p < e; p++)
                counts[(r * k) + index.Label[p]]++;
            if (size < 2)
                continue;
            double same = 0;
            for (var c = 0; c < k; c++)
            {
                var n = counts[(r * k) + c];
                same += n * (n - 1);
            }
            var pairs = (double)size * (size - 1);
            agreeing[r] = same / pairs;
            disagreeing[r] = (pairs - same) / (size - 1); // 2 d / (m - 1): ordered disagreeing pairs over m - 1
        }
        return new ItemSums(k, m, counts, agreeing, disagreeing);
    }

    /// <summary>The metric on one replicate: <paramref name="draws"/> rated items (indexes into the rated list), with replacement.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Replicate(AgreementMetric metric, Random random, int draws, double[] pairableTotals, double[] shares)
    {
        Array.Clear(pairableTotals);
        Array.Clear(shares);
        double observed = 0, pairable = 0, disagreement = 0;
        var k = _k;
        for (var d = 0; d < draws; d++)
        {
            var r = random.Next(_m.Length);
            var m = _m[r];
            var row = _counts.AsSpan(r * k, k);
            for (var c = 0; c < k; c++)
                shares[c] += row[c] / m;
            if (m < 2)
                continue;
            for (var c = 0; c < k; c++)
                pairableTotals[c] += row[c];
            observed += _agreeing[r];
            disagreement += _disagreeing[r];
            pairable++;
        }
        return metric switch
        {
            AgreementMetric.FleissKappa => Fleiss(observed, pairable, pairableTotals),
            AgreementMetric.GwetAc1 => Gwet(observed, pairable, shares, draws, k),
            _ => Alpha(disagreement, pairableTotals),
        };
    }

    private static double Fleiss(double observed, double pairable, double[] totals)
    {
        var total = 0.0;
        foreach (var t in totals)
            total += t;
        if (total == 0)
            return double.NaN;
        var chance = 0.0;
        foreach (var t in totals)
            chance += t / total * (t / total);
        return FleissKappa.Kappa(pairable > 0 ? observed / pairable : double.NaN, chance);
    }

    private static double Gwet(double observed, double pairable, double[] shares, int rated, int k)
    {
        if (k < 2 || rated == 0)
            return double.NaN;
        var chance = 0.0;
        foreach (var share in shares)
        {
            var pi = share / rated;
            chance += pi * (1 - pi);
        }
        return FleissKappa.Kappa(pairable > 0 ? observed / pairable : double.NaN, chance / (k - 1));
    }

    private static double Alpha(double disagreement, double[] totals)
    {
        var n = 0.0;
        foreach (var t in totals)
            n += t;
        if (n <= 1)
            return double.NaN;
        var expected = 0.0;
        for (var c = 0; c < totals.Length; c++)
        {
            for (var d = c + 1; d < totals.Length; d++)
                expected += 2 * totals[c] * totals[d];
        }
        return expected <= 0 ? double.NaN : 1 - ((n - 1) * disagreement / expected);
    }
}
