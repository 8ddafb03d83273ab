using System.Runtime.CompilerServices;

namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// The off-block entries of O that are not 0, once per unordered pair a &lt; b, with their least-squares weights
/// w = n / √max(O, 1/n) (0 for a nested pair). Every other off-block entry is 0 with the same weight
/// w₀ = n / √(1/n), so <see cref="MatrixCompletionObjective"/> sums the data term over all entries in closed form at
/// weight w₀ and corrects only these pairs: wide sources fire rarely, and most pairs of them never fire together.
/// </summary>
internal sealed class OverlapPairs
{
    private readonly int[] _a;
    private readonly int[] _b;
    private readonly double[] _observed;
    private readonly double[] _weight;

    private OverlapPairs(int[] a, int[] b, double[] observed, double[] weight, double zeroWeight)
    {
        _a = a;
        _b = b;
        _observed = observed;
        _weight = weight;
        ZeroWeight = zeroWeight;
    }

    /// <summary>w₀, the weight of an off-block overlap of 0.</summary>
    public double ZeroWeight { get; }

    /// <summary>Number of stored pairs.</summary>
    public int Count => _a.Length;

    /// <summary>Collects the pairs; a pair is nested when it co-fires in at least <paramref name="nestedShare"/> of the rarer one's firings.</summary>
    public static OverlapPairs Build(OverlapStatistics stats, double[] coverage, double nestedShare)
    {
        var n = Math.Max(1, stats.Items);
        int d = stats.Dimension, k = stats.Cardinality;
        var overlap = stats.Overlap;
        List<int> a = [], b = [];
        List<double> observed = [], weight = [];
        for (var x = 0; x < d; x++)
        {
            for (var y = ((x / k) + 1) * k; y < d; y++)
            {
                var o = overlap[(x * d) + y];
                if (o == 0)
                    continue;
                var rarer = Math.Min(coverage[x], coverage[y]);
                var nested = rarer > 0 && o >= nestedShare * rarer;
                a.Add(x);
                b.Add(y);
                observed.Add(o);
                weight.Add(nested ? 0 : n / Math.Sqrt(Math.Max(o, 1.0 / n)));
            }
        }
        return new OverlapPairs([.. a], [.. b], [.. observed], [.. weight], n / Math.Sqrt(1.0 / n));
    }

    /// <summary>
    /// Adds, over the stored pairs, the true data term minus the w₀ term already counted for them:
    /// ½ Σ [w (uₐ·u_b − O)² − w₀ (uₐ·u_b)²], and its gradient into <paramref name="gu"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Correction(double[] u, double[] gu, int k)
    {
        var w0 = ZeroWeight;
        var loss = 0.0;
        for (var p = 0; p < _a.Length; p++)
        {
            var ua = u.AsSpan(_a[p] * k, k);
            var ub = u.AsSpan(_b[p] * k, k);
            var model = 0.0;
            for (var y = 0; y < k; y++)
                model += ua[y] * ub[y];
            var residual = model - _observed[p];
            var w = _weight[p];
            loss += 0.5 * ((w * residual * residual) - (w0 * model * model));
            var g = (w * residual) - (w0 * model);
            var ga = gu.AsSpan(_a[p] * k, k);
            var gb = gu.AsSpan(_b[p] * k, k);
            for (var y = 0; y < k; y++)
            {
                ga[y] += g * ub[y];
                gb[y] += g * ua[y];
            }
        }
        return loss;
    }
}
