using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Labelforge.Training.TextClassification;

/// <summary>
/// Trains <see cref="TextClassifier"/>: ML.NET's text featurizer (normalized word n-grams and character n-grams,
/// L2-normalized) into SDCA maximum entropy (multinomial logistic regression), honoring per-example weights.
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
        var trainer = ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = nameof(TextRow.Weight),
            MaximumNumberOfIterations = options.MaximumIterations,
            L2Regularization = options.L2Regularization,
            // One thread keeps SDCA's updates in a fixed order, so a seed gives the same model.
            NumberOfThreads = 1,
        });
        var model = toKey.Append(featurize).Append(trainer).Fit(TextRow.Load(ml, examples));
        return new TextClassifier(ml, model, examples.ClassCount);
    }
}
