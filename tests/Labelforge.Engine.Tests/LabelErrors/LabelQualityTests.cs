using Labelforge.Engine.LabelErrors;

namespace Labelforge.Engine.Tests.LabelErrors;

public class LabelQualityTests
{
    [Theory]
    [InlineData(LabelQualityMethod.SelfConfidence)]
    [InlineData(LabelQualityMethod.NormalizedMargin)]
    public void Rank_orders_by_score_then_index_whatever_the_order_given(LabelQualityMethod method)
    {
        var random = new Random(3);
        const int n = 3000, k = 4;
        // Probabilities on a coarse grid, so many items share a score.
        var values = new float[n * k];
        for (var i = 0; i < values.Length; i++)
            values[i] = random.Next(5) / 4f;
        var probabilities = new ProbabilityMatrix(values, k);
        var labels = Enumerable.Range(0, n).Select(_ => random.Next(k)).ToArray();
        var shuffled = Enumerable.Range(0, n).Where(i => i % 3 != 0).OrderBy(_ => random.Next()).ToArray();

        var ranked = LabelQuality.Rank(shuffled, labels, probabilities, method);

        var expected = shuffled.OrderBy(i => LabelQuality.Score(labels[i], probabilities.Row(i), method)).ThenBy(i => i);
        Assert.Equal(expected, ranked);
    }
}
