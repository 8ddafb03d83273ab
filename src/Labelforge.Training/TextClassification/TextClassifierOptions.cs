namespace Labelforge.Training.TextClassification;

/// <summary>Settings of the ML.NET text classifier.</summary>
public sealed record TextClassifierOptions
{
    /// <summary>Longest word n-gram (1 = unigrams). Default 2.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-gram length; 0 turns character n-grams off (several times faster on long texts). Default 3.</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>SDCA passes over the data; null lets ML.NET choose. Default 20.</summary>
    public int? MaximumIterations { get; init; } = 20;

    /// <summary>L2 regularization; null lets ML.NET choose from the data. Default null.</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Seed of the ML.NET context (shuffling inside SDCA). Default 42.</summary>
    public int Seed { get; init; } = 42;
}
