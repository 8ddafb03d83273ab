using Labelforge.Engine.Synthetic;
using Labelforge.Engine.WeakSupervision;

namespace Labelforge.Engine.Tests.WeakSupervision;

/// <summary>Convergence and robustness of the learned label models on seeded matrices with known truth.</summary>
public class LabelModelTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Label_model_recovers_known_accuracies_and_beats_majority_vote(int seed)
    {
        var random = new Random(seed);
        var m = 10;
        var accuracy = Enumerable.Range(0, m).Select(_ => 0.55 + (0.4 * random.NextDouble())).ToArray();
        var coverage = Enumerable.Range(0, m).Select(_ => 0.2 + (0.6 * random.NextDouble())).ToArray();
        var (matrix, truth) = SyntheticLabelMatrix.Generate(20_000, coverage, accuracy, [0.5, 0.5], seed);

        var model = new MatrixCompletionLabelModel();
        var diagnostics = model.Fit(matrix, 2);
        Assert.True(diagnostics.Converged);
        var mu = model.Conditionals;
        for (var j = 0; j < m; j++)
        {
            // Learned P(vote correct | fires) against the generating accuracy.
            var fires = mu[((j * 2) + 0) * 2 + 0] + mu[((j * 2) + 1) * 2 + 0];
            var learned = mu[((j * 2) + 0) * 2 + 0] / fires;
            Assert.InRange(learned, accuracy[j] - 0.08, accuracy[j] + 0.08);
        }
        Assert.True(Accuracy(model, matrix, truth) >= Accuracy(new MajorityVoteLabelModel(), matrix, truth) - 0.002);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Label_model_estimates_an_unbalanced_class_prior(int seed)
    {
        double[] coverage = [0.3, 0.3, 0.2, 0.4, 0.25, 0.35];
        double[] accuracy = [0.85, 0.75, 0.9, 0.7, 0.8, 0.65];
        var (matrix, truth) = SyntheticLabelMatrix.Generate(20_000, coverage, accuracy, [0.8, 0.2], seed);
        var model = new MatrixCompletionLabelModel();
        var diagnostics = model.Fit(matrix, 2);
        // Balance is only weakly identified by overlaps (and pulled to uniform by the prior): demand the direction.
        Assert.InRange(diagnostics.ClassBalance[0], 0.52, 0.95);
        // Uncovered rows follow the learned prior instead of a coin flip, so the model must beat majority vote.
        Assert.True(Accuracy(model, matrix, truth) > Accuracy(new MajorityVoteLabelModel(), matrix, truth));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Dawid_skene_beats_majority_vote_on_independent_sources(int seed)
    {
        double[] coverage = [0.5, 0.5, 0.5, 0.5, 0.5];
        double[] accuracy = [0.95, 0.6, 0.6, 0.6, 0.9];
        var (matrix, truth) = SyntheticLabelMatrix.Generate(10_000, coverage, accuracy, [0.5, 0.5], seed);
        var model = new DawidSkeneLabelModel();
        var diagnostics = model.Fit(matrix, 2);
        Assert.True(diagnostics.Converged);
        Assert.True(Accuracy(model, matrix, truth) > Accuracy(new MajorityVoteLabelModel(), matrix, truth) + 0.01);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Wide_multi_class_fits_converge_as_well_as_adam_did(int seed)
    {
        // Many rarely firing sources and many classes: the shape where a fixed-step optimizer needed thousands of steps.
        var random = new Random(seed);
        var m = 40;
        var coverage = Enumerable.Range(0, m).Select(_ => 0.01 + (0.06 * random.NextDouble())).ToArray();
        var accuracy = Enumerable.Range(0, m).Select(_ => 0.45 + (0.5 * random.NextDouble())).ToArray();
        var (matrix, truth) = SyntheticLabelMatrix.Generate(3000, coverage, accuracy, [0.1, 0.15, 0.2, 0.25, 0.3], seed);
        var lbfgs = new MatrixCompletionLabelModel();
        var diagnostics = lbfgs.Fit(matrix, 5);
        Assert.True(diagnostics.Converged);
        Assert.True(diagnostics.Iterations < 300, $"{diagnostics.Iterations} iterations");
        var adam = new MatrixCompletionLabelModel(new MatrixCompletionOptions { Optimizer = MatrixCompletionOptimizer.Adam });
        adam.Fit(matrix, 5);
        double ours = Accuracy(lbfgs, matrix, truth), before = Accuracy(adam, matrix, truth), vote = Accuracy(new MajorityVoteLabelModel(), matrix, truth);
        Assert.True(ours >= before - 0.005, $"L-BFGS {ours:F4}, Adam {before:F4}");
        // Most rows hold one vote here, where no model can do much better than the vote (ties broken at random).
        Assert.True(ours >= vote - 0.005, $"L-BFGS {ours:F4}, majority vote {vote:F4}");
    }

    [Fact]
    public void Three_classes_are_supported()
    {
        double[] coverage = [0.6, 0.5, 0.7, 0.4];
        double[] accuracy = [0.8, 0.7, 0.6, 0.9];
        var (matrix, truth) = SyntheticLabelMatrix.Generate(10_000, coverage, accuracy, [0.3, 0.3, 0.4], seed: 9);
        foreach (var model in new ILabelModel[] { new MatrixCompletionLabelModel(), new DawidSkeneLabelModel() })
        {
            var acc = Accuracy(model, matrix, truth);
            Assert.True(acc > 0.75, $"{model.Name}: {acc}");
        }
    }

    [Fact]
    public void Predicting_before_fit_is_a_bug()
    {
        var matrix = LabelMatrix.FromRows([[0]]);
        Assert.Throws<InvalidOperationException>(() => new MatrixCompletionLabelModel().PredictProbabilities(matrix));
        Assert.Throws<InvalidOperationException>(() => new DawidSkeneLabelModel().PredictProbabilities(matrix));
    }

    private static double Accuracy(ILabelModel model, LabelMatrix matrix, int[] truth)
    {
        var k = truth.Max() + 1;
        model.Fit(matrix, k);
        return LabelModelScoring.Score(model.PredictProbabilities(matrix), matrix, truth, seed: 1).Accuracy;
    }
}
