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

    /// <summary>Share of items held out (stratified) for scoring, unless <see cref="Split"/> is given. Default 0.2.</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of the split, the seed labels and the strategy. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Dimension of the signed-hash sketch of the TF-IDF vectors the diversity strategies compare. Default 64.</summary>
    public int SketchDimension { get; init; } = 64;

    /// <summary>
    /// The model retrained after every batch. Default <see cref="SoftmaxRegressionOptions.ActiveLearning"/> (C = 1, balanced
    /// class weights, L-BFGS to a gradient of 1e-4), the model the active-learning queue retrains.
    /// </summary>
    public SoftmaxRegressionOptions Model { get; init; } = SoftmaxRegressionOptions.ActiveLearning;

    /// <summary>Minimum document frequency of a vocabulary term. Default 2.</summary>
    public int MinDf { get; init; } = 2;

    /// <summary>Batches of the uncertainty strategies hold at most one of several pool items with identical vectors. Default true.</summary>
    public bool DistinctBatches { get; init; } = true;

    /// <summary>A given pool/test split and initial sample instead of the seeded stratified ones. Default none.</summary>
    public SimulationSplit? Split { get; init; }
}
