namespace Labelforge.Engine.Consensus;

/// <summary>
/// When <see cref="DawidSkene"/> stops. With smoothing 0 (maximum likelihood, the reference algorithm) it is
/// crowd-kit's rule: stop at the first iteration whose per-answer evidence lower bound gains less than the
/// tolerance (default 1e-5), a decrease included. With a prior it is the engine's rule for every EM method: the
/// marginal log-likelihood changes by less than the relative tolerance (default 1e-7).
/// </summary>
internal sealed class DawidSkeneStopping
{
    /// <summary>crowd-kit's default <c>tol</c> on the per-answer bound.</summary>
    public const double ReferenceTolerance = 1e-5;

    private readonly bool _onBound;
    private readonly double _tolerance;
    private double _previous = double.NegativeInfinity;
    private bool _first = true;

    private DawidSkeneStopping(bool onBound, double tolerance)
    {
        _onBound = onBound;
        _tolerance = tolerance;
    }

    public static DawidSkeneStopping For(ConsensusOptions options, double smoothing) => smoothing == 0
        ? new DawidSkeneStopping(true, options.Tolerance ?? ReferenceTolerance)
        : new DawidSkeneStopping(false, options.Tolerance ?? ConsensusOptions.DefaultTolerance);

    /// <summary>Whether the rule reads the per-answer bound (after an M-step) rather than the log-likelihood (after an E-step).</summary>
    public bool OnBound => _onBound;

    /// <summary>Whether EM stops at this value of the quantity the rule reads.</summary>
    public bool Stop(double value)
    {
        var stop = _onBound
            ? value - _previous < _tolerance
            : !_first && InferenceMath.HasConverged(_previous, value, _tolerance);
        _previous = value;
        _first = false;
        return stop;
    }
}
