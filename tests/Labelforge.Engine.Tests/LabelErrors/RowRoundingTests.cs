using Labelforge.Engine.LabelErrors;

namespace Labelforge.Engine.Tests.LabelErrors;

public class RowRoundingTests
{
    [Theory]
    [InlineData(new[] { 0.5, 0.5, 0.5, 0.5 }, new[] { 1, 1, 0, 0 })]
    [InlineData(new[] { 1.4, 1.4, 1.2 }, new[] { 2, 1, 1 })]
    [InlineData(new[] { 2.6, 2.6, 0.8 }, new[] { 2, 3, 1 })]
    public void Rounds_keeping_the_rounded_total(double[] values, int[] expected)
    {
        var rounded = RowRounding.RoundPreservingSum(values);

        Assert.Equal(Math.Round(values.Sum()), rounded.Sum());
        Assert.Equal(expected, rounded);
    }
}
