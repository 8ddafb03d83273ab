using Labelforge.Engine.Statistics;

namespace Labelforge.Engine.AutoAccept;

/// <summary>
/// One-sided lower confidence bounds for a binomial proportion k/n at level 1 - α (see <see cref="PrecisionBound"/>),
/// with the special functions they need: ln Γ (Lanczos, g = 7), the regularized incomplete beta I_x(a, b) (its
/// continued fraction evaluated by the modified Lentz method) and the standard normal quantile (bisection on
/// Φ(z) = ½(1 + P(½, z²/2)), P the regularized lower incomplete gamma by its power series).
/// </summary>
public static class BinomialBounds
{
    private static readonly double[] Lanczos =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
        12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
    ];

    /// <summary>The lower bound of the success rate from <paramref name="successes"/> of <paramref name="trials"/>; 0 when there are no trials.</summary>
    public static double Lower(int successes, int trials, double alpha, PrecisionBound method = PrecisionBound.ClopperPearson)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (alpha is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "must be between 0 and 1");
        if (trials == 0 || successes == 0)
            return 0;
        return method == PrecisionBound.Wilson ? WilsonLower(successes, trials, alpha) : ClopperPearsonLower(successes, trials, alpha);
    }

    /// <summary>
    /// Whether <see cref="Lower"/> reaches <paramref name="target"/>, without finding the bound: for Clopper-Pearson,
    /// L ≥ p exactly when I_p(k, n - k + 1) ≤ α (I_p increases in p and L is where it equals α), so one incomplete
    /// beta evaluation answers what the bisection takes sixty for.
    /// </summary>
    public static bool LowerReaches(int successes, int trials, double alpha, double target, PrecisionBound method = PrecisionBound.ClopperPearson)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        if (alpha is <= 0 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "must be between 0 and 1");
        if (trials == 0 || successes == 0)
            return target <= 0;
        if (target <= 0)
            return true;
        if (target >= 1)
            return false;
        return method == PrecisionBound.Wilson
            ? WilsonLower(successes, trials, alpha) >= target
            : RegularizedBeta(target, successes, trials - successes + 1) <= alpha;
    }

    /// <summary>The α quantile of Beta(k, n - k + 1), found by bisection on I_p(k, n - k + 1) = α (increasing in p).</summary>
    private static double ClopperPearsonLower(int k, int n, double alpha)
    {
        if (k == n)
            return Math.Pow(alpha, 1.0 / n); // I_p(n, 1) = pⁿ
        double lo = 0, hi = 1;
        for (var i = 0; i < 60; i++)
        {
            var mid = (lo + hi) / 2;
            if (RegularizedBeta(mid, k, n - k + 1) < alpha)
                lo = mid;
            else
                hi = mid;
        }
        return lo;
    }

    // The lower end of the two-sided Wilson interval at z = Φ⁻¹(1 - α) is the one-sided bound at level 1 - α.
    private static double WilsonLower(int k, int n, double alpha) =>
        ProportionInterval.Wilson(k, n, UpperQuantile(alpha)).Low;

    // Φ⁻¹(1 - α) by bisection costs more than the Wilson bound itself, and a threshold search asks with one α for
    // every candidate: the last answer is kept (an immutable pair, so concurrent callers see a whole one).
    private static Quantile? s_lastQuantile;

    private static double UpperQuantile(double alpha)
    {
        if (s_lastQuantile is { } last && last.Alpha == alpha)
            return last.Z;
        var z = NormalQuantile(1 - alpha);
        s_lastQuantile = new Quantile(alpha, z);
        return z;
    }

    private sealed record Quantile(double Alpha, double Z);

    /// <summary>ln Γ(x) for x &gt; 0 by the Lanczos approximation (g = 7, 9 terms; about 15 significant digits).</summary>
    public static double LogGamma(double x)
    {
        if (x < 0.5)
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x); // reflection
        x -= 1;
        var sum = Lanczos[0];
        for (var i = 1; i < Lanczos.Length; i++)
            sum += Lanczos[i] / (x + i);
        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>I_x(a, b) = B(x; a, b) / B(a, b), by its continued fraction on the side where it converges fast.</summary>
    public static double RegularizedBeta(double x, double a, double b)
    {
        if (x <= 0)
            return 0;
        if (x >= 1)
            return 1;
        var front = Math.Exp(LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x)));
        return x < (a + 1) / (a + b + 2)
            ? front * BetaFraction(x, a, b) / a
            : 1 - (front * BetaFraction(1 - x, b, a) / b);
    }

    private static double BetaFraction(double x, double a, double b)
    {
        const double tiny = 1e-300;
        double c = 1, d = 1 - ((a + b) * x / (a + 1));
        d = 1 / (Math.Abs(d) < tiny ? tiny : d);
        var h = d;
        for (var m = 1; m <= 500; m++)
        {
            var m2 = 2 * m;
            // Even step, then odd step, of the continued fraction's terms d_{2m} and d_{2m+1}.
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 / Guard(1 + (even * d));
            c = Guard(1 + (even / c));
            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 / Guard(1 + (odd * d));
            c = Guard(1 + (odd / c));
            var step = d * c;
            h *= step;
            if (Math.Abs(step - 1) < 1e-14)
                break;
        }
        return h;

        static double Guard(double v) => Math.Abs(v) < tiny ? tiny : v;
    }

    /// <summary>Φ⁻¹(p) for 0.5 ≤ p &lt; 1 by bisection on Φ (accurate to about 1e-12).</summary>
    public static double NormalQuantile(double p)
    {
        if (p is < 0.5 or >= 1)
            throw new ArgumentOutOfRangeException(nameof(p), p, "must be in [0.5, 1)");
        double lo = 0, hi = 40;
        for (var i = 0; i < 80; i++)
        {
            var mid = (lo + hi) / 2;
            if (NormalCdf(mid) < p)
                lo = mid;
            else
                hi = mid;
        }
        return (lo + hi) / 2;
    }

    /// <summary>Φ(z) for z ≥ 0 as ½(1 + P(½, z²/2)).</summary>
    private static double NormalCdf(double z)
    {
        var x = z * z / 2;
        if (x == 0)
            return 0.5;
        // P(a, x) = e^{-x} x^a / Γ(a + 1) · Σ_n x^n / ((a + 1)…(a + n)), with a = ½.
        const double a = 0.5;
        double term = 1 / a, sum = term;
        for (var n = 1; n < 2000; n++)
        {
            term *= x / (a + n);
            sum += term;
            if (term < sum * 1e-16)
                break;
        }
        var lower = sum * Math.Exp(-x + (a * Math.Log(x)) - LogGamma(a));
        return 0.5 * (1 + Math.Min(1, lower));
    }
}
