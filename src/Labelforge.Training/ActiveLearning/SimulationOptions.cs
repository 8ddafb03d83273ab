using Labelforge.Engine.ActiveLearning;
using Labelforge.Training.Fast;

namespace Labelforge.Training.ActiveLearning;

/// <summary>Settings of an active-learning simulation on fully labeled data.</summary>
public sealed record SimulationOptions
{
    /// <summary>Query strategy. Default margin.</summary>
    public QueryStrategy Strategy { get; init; } = QueryStrategy.Margin;

    /// <summary>Random seed labels before the first query. Default 20.</summary>
    public int Initial { get; init; } = 20;

    /// <summary>Labels added per query. Default 20.</summary>
    public int Batch { get; init; } = 20;

    /// <summary>Stop once this many items are labeled. Default 1,500.</summary>
    public int Budget { get; init; } = 1500;

    /// <summary>Share of items held out (stratified) for scoring. Default 0.2.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of the split, the seed labels and the strategy. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Dimension of the hashed sketch the diversity strategies compare. Default 64.</summary>
    public int SketchDimension { get; init; } = 64;

    /// <summary>The model retrained after every batch. Default: 10 AdaGrad epochs.</summary>
    public SoftmaxRegressionOptions Model { get; init; } = new();
}
