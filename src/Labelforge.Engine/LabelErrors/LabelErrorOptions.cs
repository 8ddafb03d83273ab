namespace Labelforge.Engine.LabelErrors;

/// <summary>Settings of <see cref="LabelErrorDetector"/>.</summary>
public sealed record LabelErrorOptions
{
    /// <summary>Which confident-learning filter flags items. Default <see cref="LabelErrorFilter.PruneByNoiseRate"/>, as in the paper's experiments.</summary>
    public LabelErrorFilter Filter { get; init; } = LabelErrorFilter.PruneByNoiseRate;

    /// <summary>How flagged items are ranked. Default <see cref="LabelQualityMethod.SelfConfidence"/>.</summary>
    public LabelQualityMethod RankBy { get; init; } = LabelQualityMethod.SelfConfidence;

    /// <summary>Keep only the first this many ranked items (a review budget); null keeps all. Default null.</summary>
    public int? MaxIssues { get; init; }

    /// <summary>The pruning filters never remove more than n_i minus this many items of a class. Default 1.</summary>
    public int MinExamplesPerClass { get; init; } = 1;
}
