using Labelforge.Engine.Statistics;

namespace Labelforge.Engine.Tests.Statistics;

public class ProportionIntervalTests
{
    [Theory]
    // Newcombe (1998a), Statistics in Medicine 17:857-872, Table II, method 3 (Wilson score without continuity correction).
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_matches_newcombes_worked_examples(int successes, int count, double low, double high)
    {
        var (l, h) = ProportionInterval.Wilson(successes, count);
        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Theory]
    // Newcombe (1998b), Statistics in Medicine 17:873-890, Table II, method 10.
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    public void Difference_matches_newcombes_method_10(int s1, int n1, int s2, int n2, double low, double high)
    {
        var (l, h) = ProportionInterval.Difference(s1, n1, s2, n2);
        Assert.Equal(low, l, 4);
        Assert.Equal(high, h, 4);
    }

    [Fact]
    public void Empty_samples_give_the_whole_range()
    {
        Assert.Equal((0.0, 1.0), ProportionInterval.Wilson(0, 0));
        Assert.Equal((-1.0, 1.0), ProportionInterval.Difference(1, 2, 0, 0));
    }
}
