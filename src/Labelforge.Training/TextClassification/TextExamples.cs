namespace Labelforge.Training.TextClassification;

/// <summary>
/// Labeled texts for training: label i of text i is a class index 0..ClassCount-1; an optional weight per example
/// (for example the confidence of a probabilistic label) scales its loss. Arrays in, so the project layer maps rows freely.
/// </summary>
public sealed record TextExamples(IReadOnlyList<string> Texts, int[] Labels, int ClassCount, float[]? Weights = null)
{
    public int Count => Labels.Length;

    /// <summary>Throws when lengths differ or a label is outside 0..ClassCount-1.</summary>
    public void Validate()
    {
        if (Texts.Count != Labels.Length)
            throw new ArgumentException($"{Texts.Count} texts but {Labels.Length} labels");
        if (Weights is not null && Weights.Length != Labels.Length)
            throw new ArgumentException($"{Weights.Length} weights but {Labels.Length} labels");
        if (ClassCount < 2)
            throw new ArgumentException("a classifier needs at least 2 classes");
        var bad = Array.FindIndex(Labels, l => l < 0 || l >= ClassCount);
        if (bad >= 0)
            throw new ArgumentException($"label {Labels[bad]} at example {bad} is outside 0..{ClassCount - 1}");
    }

    /// <summary>The examples at <paramref name="rows"/>, in that order.</summary>
    public TextExamples Subset(IReadOnlyList<int> rows)
    {
        var texts = new string[rows.Count];
        var labels = new int[rows.Count];
        var weights = Weights is null ? null : new float[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            texts[i] = Texts[rows[i]];
            labels[i] = Labels[rows[i]];
            if (weights is not null)
                weights[i] = Weights![rows[i]];
        }
        return new TextExamples(texts, labels, ClassCount, weights);
    }
}
