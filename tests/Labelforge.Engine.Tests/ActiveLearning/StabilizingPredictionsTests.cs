using Labelforge.Engine.ActiveLearning;

namespace Labelforge.Engine.Tests.ActiveLearning;

public class StabilizingPredictionsTests
{
    [Fact]
    public void Kappa_textbook_value()
    {
        // p_o = 0.75, p_e = 0.5 x 0.25 + 0.5 x 0.75 = 0.5, so kappa = 0.5.
        Assert.Equal(0.5, StabilizingPredictions.CohensKappa([0, 0, 1, 1], [0, 1, 1, 1], 2), 9);
    }

    [Fact]
    public void Identical_constant_labelings_agree_fully() =>
        Assert.Equal(1.0, StabilizingPredictions.CohensKappa([1, 1, 1], [1, 1, 1], 2));

    [Fact]
    public void Stops_only_after_the_window_of_stable_rounds()
    {
        var signal = new StabilizingPredictions(threshold: 0.99, window: 2);

        Assert.False(signal.Add([0, 1, 0, 1], 2));
        Assert.False(signal.Add([1, 1, 0, 0], 2));
        Assert.False(signal.Add([1, 1, 0, 0], 2));
        Assert.True(signal.Add([1, 1, 0, 0], 2));
        Assert.False(signal.Add([0, 1, 0, 0], 2));
        Assert.Equal(4, signal.Kappas.Count);
    }
}
