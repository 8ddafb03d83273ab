using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

/// <summary>
/// Integration: fit on the WRENCH train split, score the test split (ties broken at random, seed 42). The label
/// model must match or beat majority vote and a re-implementation of Snorkel's label model (several Snorkel
/// seeds and both the default 100 and the tutorial's 500 epochs), with no data-set-specific settings.
/// </summary>
public class WrenchLabelModelTests
{
    [Theory]
    [InlineData("youtube-spam", 0.84)]
    [InlineData("sms-spam", 0.84)]
    public void Label_model_beats_majority_vote_and_snorkel_on_the_test_split(string dataset, double floor)
    {
        var (train, _) = WrenchSet.Read(dataset, "train");
        var (test, gold) = WrenchSet.Read(dataset, "test");
        var ours = Score(new MatrixCompletionLabelModel(), train, test, gold);
        Assert.True(ours >= floor, $"label model accuracy {ours:F3} < {floor}");
        Assert.True(ours >= Score(new MajorityVoteLabelModel(), train, test, gold));
        foreach (var epochs in new[] { 100, 500 })
        {
            foreach (var seed in new[] { 1, 123 })
            {
                var snorkel = Score(new SnorkelReference(epochs, seed), train, test, gold);
                Assert.True(ours >= snorkel, $"label model {ours:F3} < Snorkel reference {snorkel:F3} (epochs {epochs}, seed {seed})");
            }
        }
    }

    [Fact]
    public void Dawid_skene_runs_on_real_label_matrices()
    {
        var (train, _) = WrenchSet.Read("youtube-spam", "train");
        var (test, gold) = WrenchSet.Read("youtube-spam", "test");
        Assert.True(Score(new DawidSkeneLabelModel(), train, test, gold) >= 0.8);
    }

    private static double Score(ILabelModel model, LabelMatrix train, LabelMatrix test, int[] gold)
    {
        model.Fit(train, 2);
        return LabelModelScoring.Score(model.PredictProbabilities(test), test, gold, seed: 42).Accuracy;
    }
}
