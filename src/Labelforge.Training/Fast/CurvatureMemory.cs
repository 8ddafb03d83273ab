namespace Labelforge.Training.Fast;

/// <summary>The last m (s, y) pairs of <see cref="Lbfgs"/> and its two-loop recursion for the search direction.</summary>
internal sealed class CurvatureMemory(int dimension, int capacity)
{
    private readonly double[][] _s = [.. Enumerable.Range(0, capacity).Select(_ => new double[dimension])];
    private readonly double[][] _y = [.. Enumerable.Range(0, capacity).Select(_ => new double[dimension])];
    private readonly double[] _rho = new double[capacity];
    private readonly double[] _alpha = new double[capacity];
    private int _newest = -1;

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    /// <summary>Adds s = x₁ - x₀, y = g₁ - g₀ unless sᵀy is not positive (no curvature to learn from).</summary>
    public void Push(double[] x1, double[] x0, double[] g1, double[] g0)
    {
        var sy = 0.0;
        for (var j = 0; j < dimension; j++)
            sy += (x1[j] - x0[j]) * (g1[j] - g0[j]);
        if (sy <= 1e-300)
            return;
        var at = (_newest + 1) % capacity;
        var s = _s[at];
        var y = _y[at];
        for (var j = 0; j < dimension; j++)
        {
            s[j] = x1[j] - x0[j];
            y[j] = g1[j] - g0[j];
        }
        _rho[at] = 1 / sy;
        _newest = at;
        Count = Math.Min(Count + 1, capacity);
    }

    /// <summary>d = -H·g, H the inverse-Hessian estimate (the identity scaled by γ of the newest pair, or 1 without pairs).</summary>
    public void Direction(double[] g, double[] d)
    {
        for (var j = 0; j < dimension; j++)
            d[j] = -g[j];
        for (var back = 0; back < Count; back++)
        {
            var at = Index(back);
            _alpha[at] = _rho[at] * Lbfgs.Dot(_s[at], d);
            Lbfgs.Axpy(-_alpha[at], _y[at], d);
        }
        if (Count > 0)
        {
            var yNewest = _y[_newest];
            var gamma = 1 / (_rho[_newest] * Lbfgs.Dot(yNewest, yNewest));
            for (var j = 0; j < dimension; j++)
                d[j] *= gamma;
        }
        for (var forward = Count - 1; forward >= 0; forward--)
        {
            var at = Index(forward);
            var beta = _rho[at] * Lbfgs.Dot(_y[at], d);
            Lbfgs.Axpy(_alpha[at] - beta, _s[at], d);
        }
    }

    private int Index(int back) => ((_newest - back) % capacity + capacity) % capacity;
}
