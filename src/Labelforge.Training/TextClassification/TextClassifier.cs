using Labelforge.Engine;
using Labelforge.Training.Models;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Labelforge.Training.TextClassification;

/// <summary>A trained text model: word and character n-gram features into a maximum-entropy linear model.</summary>
public sealed class TextClassifier : ITextModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    internal TextClassifier(MLContext ml, ITransformer model, int classCount)
    {
        _ml = ml;
        _model = model;
        ClassCount = classCount;
    }

    public int ClassCount { get; }

    /// <summary>Writes the whole pipeline (featurizer dictionaries and weights) as an ML.NET model zip.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<TextRow>()).Schema;
        _ml.Model.Save(_model, schema, stream);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static TextClassifier Load(Stream stream, int classCount)
    {
        var ml = new MLContext();
        return new TextClassifier(ml, ml.Model.Load(stream, out _), classCount);
    }

    /// <summary>p(class | text) for every text, row-major n x ClassCount.</summary>
    public float[] PredictProbabilities(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var data = _ml.Data.LoadFromEnumerable(texts.Select(t => new TextRow { Text = t ?? "" }));
        var scored = _model.Transform(data);
        var result = new float[texts.Count * ClassCount];
        var i = 0;
        using var cursor = scored.GetRowCursor([scored.Schema["Score"]]);
        var getter = cursor.GetGetter<VBuffer<float>>(scored.Schema["Score"]);
        var score = default(VBuffer<float>);
        while (cursor.MoveNext())
        {
            getter(ref score);
            score.CopyTo(result.AsSpan(i * ClassCount, ClassCount));
            i++;
        }
        return result;
    }

    /// <summary>The most likely class of every text.</summary>
    public int[] Predict(IReadOnlyList<string> texts) => ArgMax(PredictProbabilities(texts), ClassCount);

    internal static int[] ArgMax(float[] probabilities, int classCount)
    {
        var matrix = new ProbabilityMatrix(probabilities, classCount);
        var result = new int[matrix.RowCount];
        for (var i = 0; i < result.Length; i++)
            result[i] = matrix.ArgMax(i);
        return result;
    }
}
