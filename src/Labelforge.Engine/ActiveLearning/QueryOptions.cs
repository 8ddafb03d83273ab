namespace Labelforge.Engine.ActiveLearning;

/// <summary>Settings of one <see cref="ActiveLearningQuery"/>.</summary>
public sealed record QueryOptions
{
    /// <summary>Which items to pick. Default <see cref="QueryStrategy.Margin"/>.</summary>
    public QueryStrategy Strategy { get; init; } = QueryStrategy.Margin;

    /// <summary>Seed for the random and k-means++ choices. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>For <see cref="QueryStrategy.UncertaintyDiversity"/>: how many times the batch size of uncertain candidates to diversify over. Default 10.</summary>
    public int CandidateFactor { get; init; } = 10;
}
