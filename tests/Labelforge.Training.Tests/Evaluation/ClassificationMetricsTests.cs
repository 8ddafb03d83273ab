using Labelforge.Training.Evaluation;

namespace Labelforge.Training.Tests.Evaluation;

public class ClassificationMetricsTests
{
    [Fact]
    public void Hand_computed_example()
    {
        // Predictions 0, 0, 1, 0 for truth 0, 0, 1, 1 with confidences 0.9, 0.8, 0.7, 0.6.
        int[] truth = [0, 0, 1, 1];
        float[] probabilities = [0.9f, 0.1f, 0.8f, 0.2f, 0.3f, 0.7f, 0.6f, 0.4f];

        var metrics = ClassificationMetrics.Compute(truth, probabilities, 2);

        Assert.Equal(0.75, metrics.Accuracy, 9);
        // Class 0: P = 2/3, R = 1, F1 = 0.8; class 1: P = 1, R = 0.5, F1 = 2/3.
        Assert.Equal(0.8, metrics.PerClassF1[0], 6);
        Assert.Equal(2.0 / 3, metrics.PerClassF1[1], 6);
        Assert.Equal((0.8 + (2.0 / 3)) / 2, metrics.MacroF1, 6);
        // One item per bin: |1-0.9| + |1-0.8| + |1-0.7| + |0-0.6|, over 4.
        Assert.Equal((0.1 + 0.2 + 0.3 + 0.6) / 4, metrics.ExpectedCalibrationError, 5);
    }

    [Fact]
    public void Stratified_split_keeps_every_class_in_the_test_part()
    {
        var labels = Enumerable.Range(0, 103).Select(i => i < 100 ? 0 : 1).ToArray();

        var (train, test) = DataSplit.TrainTest(labels, 0.2, seed: 1);

        Assert.Equal(103, train.Length + test.Length);
        Assert.Contains(test, i => labels[i] == 1);
        Assert.Empty(train.Intersect(test));
    }
}
