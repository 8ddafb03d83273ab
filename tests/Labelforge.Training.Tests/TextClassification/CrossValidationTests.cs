using Labelforge.Training.Evaluation;
using Labelforge.Training.TextClassification;

namespace Labelforge.Training.Tests.TextClassification;

public class CrossValidationTests
{
    [Fact]
    public void Every_item_gets_an_out_of_fold_probability_row()
    {
        var examples = GeneratedTexts.Make(200, seed: 4);

        var probabilities = CrossValidation.OutOfFoldProbabilities(examples, folds: 4);

        for (var i = 0; i < examples.Count; i++)
            Assert.Equal(1.0, probabilities.AsSpan(i * 3, 3).ToArray().Sum(), 3);
        var metrics = ClassificationMetrics.Compute(examples.Labels, probabilities, 3);
        Assert.True(metrics.Accuracy >= 0.8, $"accuracy {metrics.Accuracy}");
    }

    [Fact]
    public void Held_out_evaluation_reports_metrics_on_the_test_split()
    {
        var examples = GeneratedTexts.Make(250, seed: 5);

        var metrics = HeldOutEvaluation.Run(examples, testFraction: 0.2);

        Assert.InRange(metrics.Count, 45, 55);
        Assert.True(metrics.MacroF1 >= 0.8, $"macro-F1 {metrics.MacroF1}");
        Assert.Equal(3, metrics.PerClassF1.Length);
    }
}
