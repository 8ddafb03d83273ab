namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Settings of <see cref="MatrixCompletionLabelModel"/>. Defaults are chosen by principle, not per data set:
/// a weak prior that each source is 70% precise (Snorkel's default initialization), one logit of prior
/// spread, and an optimizer run to convergence rather than for a fixed number of epochs. They were checked
/// on two WRENCH sets and on seeded synthetic matrices; none is specific to a data set.
/// </summary>
public sealed record MatrixCompletionOptions
{
    /// <summary>Prior P(Y = l | source votes l); default 0.7.</summary>
    public double PriorPrecision { get; init; } = 0.7;

    /// <summary>Standard deviation (in logits) of the Gaussian prior around <see cref="PriorPrecision"/>; default 1.</summary>
    public double PriorScale { get; init; } = 1.0;

    /// <summary>Standard deviation τ (in logits) of the prior on the class balance around uniform; default 1.</summary>
    public double ClassBalanceScale { get; init; } = 1.0;

    /// <summary>Estimate the class balance (true, default) or keep <see cref="ClassBalance"/> (or uniform) fixed.</summary>
    public bool EstimateClassBalance { get; init; } = true;

    /// <summary>Known P(Y = y), or null for uniform (used as the start when estimating).</summary>
    public IReadOnlyList<double>? ClassBalance { get; init; }

    /// <summary>
    /// Whether a source's abstention counts as evidence in the posterior (the model's full likelihood); default
    /// false, as in Snorkel: abstention rates shift between splits (other topics, other lengths) far more than
    /// a source's precision does, so conditioning on silence overfits the training split.
    /// </summary>
    public bool AbstainIsEvidence { get; init; }

    /// <summary>The optimizer; default <see cref="MatrixCompletionOptimizer.Lbfgs"/>.</summary>
    public MatrixCompletionOptimizer Optimizer { get; init; } = MatrixCompletionOptimizer.Lbfgs;

    /// <summary>Adam step size in logit units (<see cref="MatrixCompletionOptimizer.Adam"/> only); default 0.05.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Iteration cap (an L-BFGS iteration is one line search, usually one evaluation); default 2000.</summary>
    public int MaxIterations { get; init; } = 2000;

    /// <summary>Stop when the objective changes by less than this fraction over 20 iterations; default 1e-5.</summary>
    public double Tolerance { get; init; } = 1e-5;
}
