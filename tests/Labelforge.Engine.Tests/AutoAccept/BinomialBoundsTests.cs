using Labelforge.Engine.AutoAccept;

namespace Labelforge.Engine.Tests.AutoAccept;

public class BinomialBoundsTests
{
    [Fact]
    public void Clopper_Pearson_of_all_successes_is_alpha_to_the_one_over_n()
    {
        Assert.Equal(Math.Pow(0.05, 0.1), BinomialBounds.Lower(10, 10, 0.05), 9);
        Assert.Equal(Math.Pow(0.05, 1.0 / 150), BinomialBounds.Lower(150, 150, 0.05), 9);
    }

    [Theory]
    [InlineData(95, 100)]
    [InlineData(7, 20)]
    [InlineData(490, 500)]
    public void Clopper_Pearson_bound_leaves_alpha_in_the_upper_binomial_tail(int k, int n)
    {
        var lower = BinomialBounds.Lower(k, n, 0.05);
        // P(X >= k | n, p = lower) summed term by term must equal alpha.
        var tail = 0.0;
        for (var x = k; x <= n; x++)
            tail += Math.Exp(BinomialBounds.LogGamma(n + 1) - BinomialBounds.LogGamma(x + 1) - BinomialBounds.LogGamma(n - x + 1)
                + (x * Math.Log(lower)) + ((n - x) * Math.Log(1 - lower)));
        Assert.Equal(0.05, tail, 6);
        Assert.True(lower < (double)k / n);
    }

    [Fact]
    public void Wilson_bound_matches_the_closed_form_worked_by_hand()
    {
        // p = 0.95, n = 100, z = 1.644854: (0.95 + z²/200 - z·sqrt(0.000475 + z²/40000)) / (1 + z²/100) = 0.90084.
        Assert.Equal(0.90084, BinomialBounds.Lower(95, 100, 0.05, PrecisionBound.Wilson), 4);
    }

    [Fact]
    public void Special_functions_match_known_values()
    {
        Assert.Equal(Math.Log(24), BinomialBounds.LogGamma(5), 12);
        Assert.Equal(0.5 * Math.Log(Math.PI), BinomialBounds.LogGamma(0.5), 12);
        Assert.Equal(1.6448536, BinomialBounds.NormalQuantile(0.95), 6);
        Assert.Equal(1.9599640, BinomialBounds.NormalQuantile(0.975), 6);
        Assert.Equal(0.5, BinomialBounds.RegularizedBeta(0.5, 3, 3), 12); // symmetric
        Assert.Equal(1 - Math.Pow(0.7, 4), BinomialBounds.RegularizedBeta(0.3, 1, 4), 12); // I_x(1, b) = 1 - (1 - x)^b
    }

    [Fact]
    public void Reaching_a_target_agrees_with_comparing_the_bound_itself()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 2_000; trial++)
        {
            var n = random.Next(1, 3_000);
            var k = random.Next(0, n + 1);
            var alpha = (0.01 * random.Next(1, 20)) + 0.001;
            var target = 0.5 + (0.499 * random.NextDouble());
            foreach (var method in new[] { PrecisionBound.ClopperPearson, PrecisionBound.Wilson })
            {
                var bound = BinomialBounds.Lower(k, n, alpha, method);
                if (Math.Abs(bound - target) < 1e-9)
                    continue; // the bisection's own tolerance decides exact ties
                Assert.Equal(bound >= target, BinomialBounds.LowerReaches(k, n, alpha, target, method));
            }
        }
    }

    [Fact]
    public void No_successes_or_no_trials_bound_at_zero()
    {
        Assert.Equal(0, BinomialBounds.Lower(0, 50, 0.05));
        Assert.Equal(0, BinomialBounds.Lower(0, 0, 0.05));
    }
}
