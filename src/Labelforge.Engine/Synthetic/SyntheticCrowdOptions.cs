namespace Labelforge.Engine.Synthetic;

/// <summary>Shape of a generated crowd; every default is documented on its property.</summary>
public sealed class SyntheticCrowdOptions
{
    /// <summary>Number of items (default 1,000).</summary>
    public int ItemCount { get; init; } = 1000;

    /// <summary>Number of annotators (default 20).</summary>
    public int AnnotatorCount { get; init; } = 20;

    /// <summary>Number of classes (default 2).</summary>
    public int ClassCount { get; init; } = 2;

    /// <summary>Distinct annotators answering each item (default 5; at most <see cref="AnnotatorCount"/>).</summary>
    public int AnswersPerItem { get; init; } = 5;

    /// <summary>Lowest accuracy of an honest annotator (default 0.6).</summary>
    public double MinAccuracy { get; init; } = 0.6;

    /// <summary>Highest accuracy of an honest annotator (default 0.95).</summary>
    public double MaxAccuracy { get; init; } = 0.95;

    /// <summary>Share of annotators who answer uniformly at random (default 0.1).</summary>
    public double SpammerFraction { get; init; } = 0.1;

    /// <summary>Share of annotators who always answer one fixed label (default 0).</summary>
    public double ConstantFraction { get; init; }

    /// <summary>
    /// Share of honest annotators who are biased: when wrong they always pick the next label (k+1 mod K) instead of
    /// a uniform other label, the pattern full confusion matrices can learn and symmetric models cannot (default 0.3).
    /// </summary>
    public double BiasedFraction { get; init; } = 0.3;

    /// <summary>Probability of each class for the true labels; null means uniform (default null).</summary>
    public double[]? ClassPriors { get; init; }

    /// <summary>Seed of the generator (default 42).</summary>
    public int Seed { get; init; } = 42;
}
