namespace Labelforge.Training.Models;

/// <summary>A trained text classifier of any kind: class probabilities for texts, and its bytes for the models table.</summary>
public interface ITextModel
{
    int ClassCount { get; }

    /// <summary>p(class | text) for every text, row-major n x ClassCount.</summary>
    float[] PredictProbabilities(IReadOnlyList<string> texts);

    void Save(Stream stream);
}
