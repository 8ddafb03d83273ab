using System.Runtime.CompilerServices;
using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>
/// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
/// <c>alpha = 1 - D_o / D_e</c> over the pairable values (units with at least two values, n in total), with
/// <c>D_o = (1/n) sum_u 1/(m_u - 1) sum_{c != k in u} delta(c, k)</c> over ordered value pairs within a unit and
/// <c>D_e = 1/(n (n - 1)) sum_{c,k} n_c n_k delta(c, k)</c> from the value totals n_c. Missing values simply
/// shrink m_u. The difference function follows <see cref="AgreementLevel"/>: nominal <c>[c != k]</c>;
/// ordinal <c>(sum_{g=c..k} n_g - (n_c + n_k)/2)^2</c> in label-index order; interval <c>(v_c - v_k)^2</c>;
/// ratio <c>((v_c - v_k)/(v_c + v_k))^2</c>, where v are the numeric values of the labels.
/// Memory is O(K); time O(sum_u m_u^2 + K^2). NaN when D_e is 0 (no variation at all).
/// </summary>
public static class KrippendorffAlpha
{
    /// <summary>
    /// Alpha at the given level. <paramref name="labelValues"/> gives the number of each label for interval
    /// and ratio (null: the label index itself); ordinal needs label indices in rank order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double Compute(CrowdAnswers answers, AgreementLevel level, double[]? labelValues = null, double[]? itemWeights = null)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var k = answers.ClassCount;
        if (labelValues is not null && labelValues.Length != k)
            throw new ArgumentException($"labelValues needs one value per class ({k}).", nameof(labelValues));
        var index = answers.ByItem;
        var totals = new double[k];
        for (var i = 0; i < answers.ItemCount; i++)
        {
            var w = itemWeights?[i] ?? 1.0;
            if (index.Size(i) < 2 || w == 0)
                continue;
            for (var p = index.Start[i]; p < index.Start[i + 1]; p++)
                totals[index.Label[p]] += w;
        }
        var difference = new Difference(level, labelValues, totals);
        var n = 0.0;
        foreach (var t in totals)
            n += t;
        if (n <= 1)
            return double.NaN;
        var expected = 0.0;
        for (var c = 0; c < k; c++)
        {
            for (var d = c + 1; d < k; d++)
                expected += 2 * totals[c] * totals[d] * difference.Of(c, d);
        }
        if (expected <= 0)
            return double.NaN;
        var observed = ObservedSum(answers, difference, itemWeights);
        return 1 - ((n - 1) * observed / expected);
    }

    /// <summary>sum_u w_u / (m_u - 1) times the summed differences over ordered pairs of values in unit u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ObservedSum(CrowdAnswers answers, Difference difference, double[]? itemWeights)
    {
        var index = answers.ByItem;
        var observed = 0.0;
        for (var i = 0; i < answers.ItemCount; i++)
        {
            int s = index.Start[i], e = index.Start[i + 1];
            var w = itemWeights?[i] ?? 1.0;
            if (e - s < 2 || w == 0)
                continue;
            var unit = 0.0;
            for (var p = s; p < e; p++)
            {
                for (var q = p + 1; q < e; q++)
                    unit += difference.Of(index.Label[p], index.Label[q]);
            }
            observed += w * 2 * unit / (e - s - 1);
        }
        return observed;
    }

    /// <summary>The squared difference delta(c, k) for one level of measurement.</summary>
    private sealed class Difference
    {
        private readonly AgreementLevel _level;
        private readonly double[]? _values;
        private readonly double[] _totals;
        private readonly double[] _cumulative;

        public Difference(AgreementLevel level, double[]? values, double[] totals)
        {
            _level = level;
            _values = values;
            _totals = totals;
            _cumulative = new double[totals.Length + 1];
            for (var c = 0; c < totals.Length; c++)
                _cumulative[c + 1] = _cumulative[c] + totals[c];
        }

        public double Of(int c, int k)
        {
            if (c == k)
                return 0;
            switch (_level)
            {
                case AgreementLevel.Nominal:
                    return 1;
                case AgreementLevel.Ordinal:
                    int lo = Math.Min(c, k), hi = Math.Max(c, k);
                    var between = _cumulative[hi + 1] - _cumulative[lo] - ((_totals[c] + _totals[k]) / 2);
                    return between * between;
            }
            double a = _values?[c] ?? c, b = _values?[k] ?? k;
            if (_level == AgreementLevel.Interval)
                return (a - b) * (a - b);
            var sum = a + b;
            return sum == 0 ? 0 : (a - b) / sum * ((a - b) / sum);
        }
    }
}
