namespace Labelforge.Core.Consensus;

/// <summary>
/// A project's consensus and scorecard settings (table consensus_settings; no row = the defaults): which method the
/// server reruns after <see cref="RerunEvery"/> new human labels, and the gold accuracy below which scorecards flag an annotator.
/// </summary>
public sealed class ConsensusSettings
{
    /// <summary>The method of background reruns (<see cref="DefaultMethod"/>).</summary>
    public const string DefaultMethod = "dawid-skene";

    /// <summary>The gold accuracy scorecards hold annotators to (<see cref="GoldAccuracyThreshold"/>).</summary>
    public const double DefaultGoldAccuracyThreshold = 0.8;

    public long ProjectId { get; set; }

    public string Method { get; set; } = DefaultMethod;

    public int Seed { get; set; } = 42;

    /// <summary>Rerun consensus in the background after this many new human labels; 0 (the default) never.</summary>
    public int RerunEvery { get; set; }

    /// <summary>An annotator is flagged when the upper end of their gold accuracy's Wilson 95% interval is below this.</summary>
    public double GoldAccuracyThreshold { get; set; } = DefaultGoldAccuracyThreshold;
}
