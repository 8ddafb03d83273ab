namespace Labelforge.Engine.Statistics;

/// <summary>
/// Score intervals for binomial proportions, which keep their coverage at small counts and near 0 or 1 where the
/// Wald interval p ± z·sqrt(p(1-p)/n) collapses.
/// </summary>
/// <remarks>
/// Wilson (1927), "Probable inference, the law of succession, and statistical inference", JASA 22: for p̂ = s/n,
/// centre = (p̂ + z²/2n) / (1 + z²/n), half-width = z·sqrt(p̂(1-p̂)/n + z²/4n²) / (1 + z²/n).
/// Newcombe (1998), "Interval estimation for the difference between independent proportions", Statistics in
/// Medicine 17, method 10: with Wilson limits (l₁, u₁) and (l₂, u₂), the difference δ = p̂₁ - p̂₂ has
/// δ - sqrt((p̂₁-l₁)² + (u₂-p̂₂)²) .. δ + sqrt((u₁-p̂₁)² + (p̂₂-l₂)²).
/// </remarks>
public static class ProportionInterval
{
    /// <summary>The normal quantile for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>Wilson score interval of <paramref name="successes"/> out of <paramref name="count"/>; (0, 1) when count is 0.</summary>
    public static (double Low, double High) Wilson(int successes, int count, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, count);
        if (count == 0)
            return (0, 1);
        var n = (double)count;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Newcombe's hybrid score interval for p₁ - p₂ of two independent samples; (-1, 1) when either is empty.</summary>
    public static (double Low, double High) Difference(int successes1, int count1, int successes2, int count2, double z = Z95)
    {
        if (count1 == 0 || count2 == 0)
            return (-1, 1);
        var (l1, u1) = Wilson(successes1, count1, z);
        var (l2, u2) = Wilson(successes2, count2, z);
        var p1 = (double)successes1 / count1;
        var p2 = (double)successes2 / count2;
        var delta = p1 - p2;
        var low = delta - Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
        var high = delta + Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
        return (low, high);
    }
}
