using Labelforge.Training.Evaluation;

namespace Labelforge.Training.TextClassification;


/// <summary>
/// Out-of-fold probabilities: K stratified folds; each fold is predicted by a model trained on the other K-1, so every
/// labeled item gets a probability from a model that never saw it (the input confident learning needs).
/// </summary>
public static class CrossValidation
{
    /// <summary>Row-major n x k out-of-fold probabilities; <paramref name="foldDone"/> hears the number of folds finished.</summary>
    public static float[] OutOfFoldProbabilities(TextExamples examples, int folds = 5, TextClassifierOptions? options = null, Action<int>? foldDone = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        examples.Validate();
        options ??= new TextClassifierOptions();
        var fold = DataSplit.Folds(examples.Labels, folds, options.Seed);
        var k = examples.ClassCount;
        var result = new float[examples.Count * k];
        for (var f = 0; f < folds; f++)
        {
            var trainRows = Enumerable.Range(0, examples.Count).Where(i => fold[i] != f).ToArray();
            var testRows = Enumerable.Range(0, examples.Count).Where(i => fold[i] == f).ToArray();
            if (testRows.Length == 0)
            {
                foldDone?.Invoke(f + 1);
                continue;
            }
            var model = TextClassifierTrainer.Train(examples.Subset(trainRows), options);
            var probabilities = model.PredictProbabilities(examples.Subset(testRows).Texts);
            for (var t = 0; t < testRows.Length; t++)
                probabilities.AsSpan(t * k, k).CopyTo(result.AsSpan(testRows[t] * k, k));
            foldDone?.Invoke(f + 1);
        }
        return result;
    }
}
