using Labelforge.Training.Evaluation;

namespace Labelforge.Training.TextClassification;

/// <summary>Trains on a seeded stratified split and scores the held-out part.</summary>
public static class HeldOutEvaluation
{
    public static ClassificationMetrics Run(TextExamples examples, double testFraction = 0.2, TextClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= new TextClassifierOptions();
        var (train, test) = DataSplit.TrainTest(examples.Labels, testFraction, options.Seed);
        var model = TextClassifierTrainer.Train(examples.Subset(train), options);
        var heldOut = examples.Subset(test);
        return ClassificationMetrics.Compute(heldOut.Labels, model.PredictProbabilities(heldOut.Texts), examples.ClassCount);
    }
}
