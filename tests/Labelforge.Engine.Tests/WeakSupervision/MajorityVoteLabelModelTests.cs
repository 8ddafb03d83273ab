using Labelforge.Engine.Consensus;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

public class MajorityVoteLabelModelTests
{
    [Fact]
    public void Ties_split_probability_and_empty_rows_are_uniform()
    {
        var matrix = LabelMatrix.FromRows([[0, 0, 1], [0, 1, -1], [-1, -1, -1]]);
        var model = new MajorityVoteLabelModel();
        model.Fit(matrix, 2);
        var probs = model.PredictProbabilities(matrix);
        Assert.Equal(1.0, probs[0, 0]);
        Assert.Equal(0.5, probs[1, 0]);
        Assert.Equal(0.5, probs[2, 1]);
        Assert.Equal([0, LabelIndex.Abstain, LabelIndex.Abstain], LabelPredictions.Argmax(probs, TieBreak.Abstain));
        Assert.Equal([0, 0, 0], LabelPredictions.Argmax(probs, TieBreak.Lowest));
    }

    [Fact]
    public void Random_tie_break_is_reproducible_with_a_seed()
    {
        var probs = new double[200, 2];
        for (var i = 0; i < 200; i++)
            probs[i, 0] = probs[i, 1] = 0.5;
        var first = LabelPredictions.Argmax(probs, TieBreak.Random, seed: 5);
        Assert.Equal(first, LabelPredictions.Argmax(probs, TieBreak.Random, seed: 5));
        Assert.InRange(first.Count(l => l == 1), 70, 130);
    }
}
