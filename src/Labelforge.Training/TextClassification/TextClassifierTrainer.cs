using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Labelforge.Training.TextClassification;

/// <summary>
/// Trains <see cref="TextClassifier"/>: ML.NET's text featurizer (normalized word n-grams and character n-grams,
/// L2-normalized) into a maximum-entropy linear model, honoring per-example weights. The featurized rows are cached
/// in memory before the learner, so its passes over the data do not featurize the texts again (without the cache,
/// 20 SDCA passes re-ran the character n-grams 20 times: 28 s of CPU on 10,000 items instead of about 8).
/// </summary>
public static class TextClassifierTrainer
{
    public static TextClassifier Train(TextExamples examples, TextClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        examples.Validate();
        options ??= new TextClassifierOptions();
        var ml = new MLContext(options.Seed);
        var toKey = ml.Transforms.Conversion.MapValueToKey("Label", nameof(TextRow.ClassIndex),
            keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence,
            keyData: TextRow.KeyTable(ml, examples.ClassCount));
        var featurize = ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.WordNgramLength },
            CharFeatureExtractor = options.CharNgramLength > 0 ? new WordBagEstimator.Options { NgramLength = options.CharNgramLength, UseAllLengths = false } : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        }, nameof(TextRow.Text));
        var pipeline = toKey.Append(featurize).AppendCacheCheckpoint(ml).Append(Learner(ml, options));
        var model = pipeline.Fit(TextRow.Load(ml, examples));
        return new TextClassifier(ml, model, examples.ClassCount);
    }

    private static IEstimator<ITransformer> Learner(MLContext ml, TextClassifierOptions options) => options.Trainer switch
    {
        LinearTrainer.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(TextRow.Weight),
            MaximumNumberOfIterations = options.MaximumIterations ?? 20,
            L2Regularization = options.L2Regularization,
            NumberOfThreads = 1,
        }),
        _ => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(TextRow.Weight),
            MaximumNumberOfIterations = options.MaximumIterations ?? 100,
            OptimizationTolerance = options.OptimizationTolerance,
            L2Regularization = options.L2Regularization ?? 1e-4f,
            L1Regularization = 0,
            HistorySize = 20,
            NumberOfThreads = options.Threads,
        }),
    };
}
