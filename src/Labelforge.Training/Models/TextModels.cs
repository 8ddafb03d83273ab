using Labelforge.Core.Common;
using Labelforge.Core.Models;
using Labelforge.Training.Embeddings;
using Labelforge.Training.TextClassification;

namespace Labelforge.Training.Models;

/// <summary>Trains and loads a model by its kind (<see cref="ModelKinds"/>).</summary>
public static class TextModels
{
    /// <summary>Trains a model of <paramref name="kind"/>; <paramref name="ct"/> is honored between steps (an ML.NET fit runs to its end).</summary>
    public static ITextModel Train(string kind, TextExamples examples, int seed, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        ITextModel model = kind switch
        {
            ModelKinds.Linear => TextClassifierTrainer.Train(examples, new TextClassifierOptions { Seed = seed }),
            ModelKinds.EmbeddingLinear => EmbeddingClassifier.Train(examples, seed, ct),
            _ => throw LabelforgeException.Invalid($"Unknown model kind '{kind}'; use {string.Join(" or ", ModelKinds.All)}."),
        };
        ct.ThrowIfCancellationRequested();
        return model;
    }

    public static ITextModel Load(string kind, byte[] blob, int classCount)
    {
        using var stream = new MemoryStream(blob, writable: false);
        return kind switch
        {
            ModelKinds.Linear => TextClassifier.Load(stream, classCount),
            ModelKinds.EmbeddingLinear => EmbeddingClassifier.Load(stream, classCount),
            _ => throw LabelforgeException.Invalid($"Unknown model kind '{kind}'."),
        };
    }

    public static byte[] Serialize(ITextModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }
}
