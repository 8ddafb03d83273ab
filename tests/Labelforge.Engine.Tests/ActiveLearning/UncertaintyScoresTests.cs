using Labelforge.Engine.ActiveLearning;

namespace Labelforge.Engine.Tests.ActiveLearning;

public class UncertaintyScoresTests
{
    [Fact]
    public void Textbook_values()
    {
        float[] row = [0.5f, 0.3f, 0.2f];

        Assert.Equal(0.5, UncertaintyScores.LeastConfidence(row), 6);
        Assert.Equal(0.8, UncertaintyScores.Margin(row), 6);
        Assert.Equal(-((0.5 * Math.Log(0.5)) + (0.3 * Math.Log(0.3)) + (0.2 * Math.Log(0.2))), UncertaintyScores.Entropy(row), 5);
    }

    [Fact]
    public void Uniform_distribution_is_maximally_uncertain()
    {
        float[] uniform = [0.25f, 0.25f, 0.25f, 0.25f];

        Assert.Equal(Math.Log(4), UncertaintyScores.Entropy(uniform), 6);
        Assert.Equal(1.0, UncertaintyScores.Margin(uniform), 6);
    }

    [Fact]
    public void Certain_row_has_zero_entropy() => Assert.Equal(0.0, UncertaintyScores.Entropy([1f, 0f]));
}
