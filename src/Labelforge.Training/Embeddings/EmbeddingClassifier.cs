using Labelforge.Training.Models;
using Labelforge.Training.TextClassification;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Labelforge.Training.Embeddings;

/// <summary>
/// The embedding-linear model: <see cref="SentenceEmbedder"/> vectors into ML.NET L-BFGS multinomial logistic
/// regression. Only the linear layer is stored; the embedding model comes from the package at prediction time.
/// </summary>
public sealed class EmbeddingClassifier : ITextModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private EmbeddingClassifier(MLContext ml, ITransformer model, int classCount)
    {
        _ml = ml;
        _model = model;
        ClassCount = classCount;
    }

    public int ClassCount { get; }

    public static EmbeddingClassifier Train(TextExamples examples, int seed = 42, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(examples);
        examples.Validate();
        var embeddings = SentenceEmbedder.Embed(examples.Texts, ct: ct);
        var ml = new MLContext(seed);
        var rows = Enumerable.Range(0, examples.Count).Select(i => new VectorRow
        {
            Features = embeddings.AsSpan(i * SentenceEmbedder.Dimension, SentenceEmbedder.Dimension).ToArray(),
            ClassIndex = (uint)examples.Labels[i],
            Weight = examples.Weights?[i] ?? 1f,
        }).ToList();
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(VectorRow.ClassIndex),
                keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByOccurrence, keyData: TextRow.KeyTable(ml, examples.ClassCount))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = "Label",
                FeatureColumnName = nameof(VectorRow.Features),
                ExampleWeightColumnName = nameof(VectorRow.Weight),
                L2Regularization = 1e-3f,
                L1Regularization = 0,
                OptimizationTolerance = 1e-5f,
            }));
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(rows));
        ct.ThrowIfCancellationRequested();
        return new EmbeddingClassifier(ml, model, examples.ClassCount);
    }

    public float[] PredictProbabilities(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var embeddings = SentenceEmbedder.Embed(texts);
        var rows = Enumerable.Range(0, texts.Count).Select(i => new VectorRow
        {
            Features = embeddings.AsSpan(i * SentenceEmbedder.Dimension, SentenceEmbedder.Dimension).ToArray(),
        });
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(rows));
        var result = new float[texts.Count * ClassCount];
        var i = 0;
        foreach (var score in scored.GetColumn<VBuffer<float>>(scored.Schema["Score"]))
            score.CopyTo(result.AsSpan(i++ * ClassCount, ClassCount));
        return result;
    }

    public void Save(Stream stream) =>
        _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<VectorRow>()).Schema, stream);

    public static EmbeddingClassifier Load(Stream stream, int classCount)
    {
        var ml = new MLContext();
        return new EmbeddingClassifier(ml, ml.Model.Load(stream, out _), classCount);
    }

    private sealed class VectorRow
    {
        [VectorType(SentenceEmbedder.Dimension)]
        public float[] Features { get; set; } = [];

        public uint ClassIndex { get; set; }

        public float Weight { get; set; } = 1;
    }
}
