namespace Labelforge.Training.Fast;

/// <summary>Settings of <see cref="SoftmaxRegression"/>.</summary>
public sealed record SoftmaxRegressionOptions
{
    /// <summary>Passes over the data. Default 10.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>AdaGrad base step. Default 0.5.</summary>
    public float LearningRate { get; init; } = 0.5f;

    /// <summary>L2 penalty on the weights of the features an example touches. Default 1e-4.</summary>
    public float L2 { get; init; } = 1e-4f;

    /// <summary>Seed of the example order. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
