using System.Runtime.CompilerServices;

namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// Limited-memory BFGS (Nocedal, "Updating quasi-Newton matrices with limited storage", Math. Comp. 1980; Nocedal
/// and Wright, Numerical Optimization, algorithms 7.4 and 7.5) with a backtracking Armijo line search. The label
/// model's objective is smooth but badly conditioned (least-squares weights ∝ n/√O span orders of magnitude, and
/// the constraint penalties are stiff), where a fixed-step first-order method needs thousands of steps; the
/// curvature pairs rescale the step per direction. Allocation-free after construction.
/// </summary>
internal sealed class Lbfgs
{
    private const int Memory = 30;
    private const double Armijo = 1e-4;
    private const int MaxBacktracks = 40;

    private readonly int _n;
    private readonly double[][] _s;
    private readonly double[][] _y;
    private readonly double[] _rho = new double[Memory];
    private readonly double[] _alpha = new double[Memory];
    private readonly double[] _gradient;
    private readonly double[] _trialGradient;
    private readonly double[] _direction;
    private readonly double[] _trial;

    /// <summary>Objective evaluations so far (one per line-search trial, plus the start).</summary>
    public int Evaluations { get; private set; }

    public Lbfgs(int parameters)
    {
        _n = parameters;
        _s = [.. Enumerable.Range(0, Memory).Select(_ => new double[parameters])];
        _y = [.. Enumerable.Range(0, Memory).Select(_ => new double[parameters])];
        _gradient = new double[parameters];
        _trialGradient = new double[parameters];
        _direction = new double[parameters];
        _trial = new double[parameters];
    }

    /// <summary>
    /// Minimises <paramref name="evaluate"/> (value, gradient written into its second argument) from x in place,
    /// appending the value after every iteration to <paramref name="history"/>; <paramref name="converged"/> says
    /// when to stop. Returns whether it did before <paramref name="maxIterations"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Minimize(Func<double[], double[], double> evaluate, double[] x, int maxIterations, List<double> history, Func<List<double>, bool> converged)
    {
        var f = evaluate(x, _gradient);
        Evaluations = 1;
        int stored = 0, newest = -1;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Direction(stored, newest);
            var slope = Dot(_gradient, _direction);
            if (!(slope < 0))
            {
                // Not a descent direction (curvature memory went stale): restart from steepest descent.
                stored = 0;
                for (var i = 0; i < _n; i++)
                    _direction[i] = -_gradient[i];
                slope = Dot(_gradient, _direction);
                if (!(slope < 0))
                    return true; // zero gradient
            }
            var step = stored == 0 ? Math.Min(1.0, 1.0 / Math.Sqrt(-slope)) : 1.0;
            var trialValue = double.NaN;
            for (var attempt = 0; attempt < MaxBacktracks; attempt++)
            {
                for (var i = 0; i < _n; i++)
                    _trial[i] = x[i] + (step * _direction[i]);
                trialValue = evaluate(_trial, _trialGradient);
                Evaluations++;
                if (trialValue <= f + (Armijo * step * slope))
                    break;
                step = Backtrack(step, f, slope, trialValue);
            }
            if (!(trialValue <= f))
                return true; // no decrease along a descent direction: at the precision limit
            newest = (newest + 1) % Memory;
            stored = Math.Min(stored + 1, Memory);
            Remember(newest, x, step);
            f = trialValue;
            history.Add(f);
            if (converged(history))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The minimiser of the quadratic through f, the slope and the failed trial (Nocedal and Wright, eq. 3.57),
    /// kept within [0.1, 0.5] of the failed step so a stiff penalty cannot stall or overshoot the search.
    /// </summary>
    private static double Backtrack(double step, double f, double slope, double trialValue)
    {
        var curvature = trialValue - f - (slope * step);
        var next = curvature > 0 && double.IsFinite(curvature) ? -slope * step * step / (2 * curvature) : 0.5 * step;
        return Math.Clamp(next, 0.1 * step, 0.5 * step);
    }

    /// <summary>Stores s = x_new − x and y = g_new − g (dropping the pair when its curvature is not positive), then moves x and g.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Remember(int slot, double[] x, double step)
    {
        double[] s = _s[slot], y = _y[slot];
        for (var i = 0; i < _n; i++)
        {
            s[i] = step * _direction[i];
            y[i] = _trialGradient[i] - _gradient[i];
            x[i] = _trial[i];
            _gradient[i] = _trialGradient[i];
        }
        var sy = Dot(s, y);
        _rho[slot] = sy > 1e-12 * Math.Sqrt(Dot(s, s) * Dot(y, y)) ? 1.0 / sy : 0;
    }

    /// <summary>The two-loop recursion: direction = −H g with H₀ = (sᵀy / yᵀy) I from the newest pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Direction(int stored, int newest)
    {
        for (var i = 0; i < _n; i++)
            _direction[i] = -_gradient[i];
        if (stored == 0)
            return;
        for (var back = 0; back < stored; back++)
        {
            var slot = (newest - back + Memory) % Memory;
            if (_rho[slot] == 0)
                continue;
            _alpha[slot] = _rho[slot] * Dot(_s[slot], _direction);
            Axpy(-_alpha[slot], _y[slot], _direction);
        }
        if (_rho[newest] != 0)
        {
            var gamma = 1.0 / (_rho[newest] * Dot(_y[newest], _y[newest]));
            for (var i = 0; i < _n; i++)
                _direction[i] *= gamma;
        }
        for (var forward = stored - 1; forward >= 0; forward--)
        {
            var slot = (newest - forward + Memory) % Memory;
            if (_rho[slot] == 0)
                continue;
            var beta = _rho[slot] * Dot(_y[slot], _direction);
            Axpy(_alpha[slot] - beta, _s[slot], _direction);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
            sum += a[i] * b[i];
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Axpy(double scale, double[] x, double[] target)
    {
        for (var i = 0; i < x.Length; i++)
            target[i] += scale * x[i];
    }
}
