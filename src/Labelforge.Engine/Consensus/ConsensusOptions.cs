namespace Labelforge.Engine.Consensus;

/// <summary>Settings shared by the consensus methods; every default is documented on its property.</summary>
public sealed class ConsensusOptions
{
    /// <summary>Most EM iterations (default 100).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The relative log-likelihood tolerance EM uses when <see cref="Tolerance"/> is null.</summary>
    public const double DefaultTolerance = 1e-7;

    /// <summary>
    /// EM stops when the log-likelihood changes by less than <c>Tolerance * |log-likelihood|</c>
    /// between iterations (null: <see cref="DefaultTolerance"/>, relative, so it means the same for 1,000 or
    /// 1,000,000 answers). Dawid-Skene with <see cref="Smoothing"/> 0 stops by crowd-kit's rule instead (see
    /// <see cref="DawidSkene"/>): the gain of its per-answer evidence lower bound below this (null: 1e-5).
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>The pseudo-count one-coin, GLAD and MACE use when <see cref="Smoothing"/> is null.</summary>
    public const double DefaultSmoothing = 0.01;

    /// <summary>
    /// Pseudo-count added to every cell of the count tables (confusion matrices, class priors,
    /// annotator accuracies) before normalising, so no probability is ever exactly 0. Null (the default) is each
    /// method's own: 0 for Dawid-Skene (maximum likelihood as crowd-kit runs it, see <see cref="DawidSkene"/>;
    /// docs/consensus.md shows why no pseudo-count beat it on every set), <see cref="DefaultSmoothing"/> otherwise.
    /// </summary>
    public double? Smoothing { get; init; }

    /// <summary>Seed for random tie-breaking and random restarts (default 42).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>How majority vote (and the vote-fraction start of EM) treats ties (default <see cref="TieBreak.Lowest"/>).</summary>
    public TieBreak TieBreak { get; init; } = TieBreak.Lowest;

    /// <summary>
    /// Known true labels per item (<see cref="LabelIndex.Abstain"/> where unknown), or null. Gold items are
    /// clamped: their posterior is one-hot on the gold label in every E-step, so they teach annotator quality.
    /// </summary>
    public int[]? Gold { get; init; }

    /// <summary>
    /// Known class priors P(true label = k), kept fixed instead of estimated, or null to estimate them from the
    /// posteriors (default null; GLAD then uses a uniform prior, as in its paper).
    /// </summary>
    public double[]? ClassPriors { get; init; }

    /// <summary>Fixed per-annotator vote weights for weighted majority vote; null estimates them (default null).</summary>
    public double[]? AnnotatorWeights { get; init; }

    /// <summary>
    /// Dawid-Skene only: every annotator saw every item, so an item an annotator left without an answer is an observed
    /// abstention, modelled as one more outcome of its confusion matrix, P(no answer | true k). True for
    /// labeling functions (each is applied to every item and its silence depends on the class); false, the
    /// default, for crowds, whose annotators see a subset of the items and whose missing answers say nothing.
    /// </summary>
    public bool AbstentionsObserved { get; init; }

    /// <summary>MACE only: extra EM runs from seeded random starts; the run with the best log-likelihood wins (default 0).</summary>
    public int RandomRestarts { get; init; }

    /// <summary>Degree of parallelism for the per-item and per-annotator loops (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}
