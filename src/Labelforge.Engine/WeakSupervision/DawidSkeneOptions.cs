namespace Labelforge.Engine.WeakSupervision;

/// <summary>Settings of <see cref="DawidSkeneLabelModel"/>; defaults are generic, not tuned per data set.</summary>
public sealed record DawidSkeneOptions
{
    /// <summary>EM round cap; default 200.</summary>
    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop when the log-likelihood changes by less than this fraction of itself; default 1e-7.</summary>
    public double Tolerance { get; init; } = 1e-7;

    /// <summary>Dirichlet pseudo-count added to every confusion cell and class count (MAP-EM smoothing); default 1.</summary>
    public double Smoothing { get; init; } = 1.0;

    /// <summary>
    /// Whether an abstention is an observed outcome of each labeling function (default true) or a missing
    /// answer, as crowd consensus treats it (see <see cref="Consensus.ConsensusOptions.AbstentionsObserved"/>).
    /// </summary>
    public bool AbstentionsObserved { get; init; } = true;
}
