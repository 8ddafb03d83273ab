using System.Runtime.CompilerServices;

namespace Labelforge.Engine.WeakSupervision;

/// <summary>
/// The penalized objective of <see cref="MatrixCompletionLabelModel"/> and its gradient, on O only.
/// Parameters: logits z (mk × k) with q[a,·] = softmax(z[a,·]) = P(Y | source j votes l), a = j·k + l, and
/// logits t (k) with the class balance p = softmax(t). With c[a] = O[a,a] the observed firing rate,
/// μ[a,y] = q[a,y]c[a]/p[y] matches the diagonal exactly, and the model overlap of sources j ≠ j' is
/// Ô[a,b] = Σ_y c[a]c[b]q[a,y]q[b,y]/p[y]. Objective =
/// ¼ Σ w[a,b](O[a,b] − Ô[a,b])² over off-diagonal blocks, with weights w = n / √max(O, 1/n) between least
/// squares (blind to rare overlaps being noisier) and χ² weights n / O (which trust overlaps as independent);
/// + ½ κ Σ relu(Σ_l q[(j,l),y]c[(j,l)] − p[y])² (a source cannot fire more often than its class occurs);
/// + ½ κ Σ relu(1/k − q[(j,l),l])² (sources are better than random, the standard weak-supervision assumption,
/// which also fixes the label permutation); + ½ ‖z − z₀‖²/σ² + ½ ‖t‖²/τ² (priors at 70% precision and uniform p).
/// Pairs where one source fires almost only where the other fires (a regex that contains another's keyword)
/// are a deterministic dependency the independence model cannot express; they are left out of the fit.
/// </summary>
internal sealed class MatrixCompletionObjective
{
    /// <summary>Co-firing share of the rarer source above which a pair counts as nested.</summary>
    private const double NestedShare = 0.95;

    private readonly int _m;
    private readonly int _k;
    private readonly int _d;
    private readonly double[] _observed;
    private readonly OverlapPairs _pairs;
    private readonly double[] _coverage;
    private readonly double[] _priorLogits;
    private readonly double[]? _fixedBalance;
    private readonly double _priorPrecision;
    private readonly double _balancePrecision;
    private readonly double _constraintWeight;

    // Work buffers reused by every Evaluate (the optimizer calls it about a thousand times per fit).
    private readonly double[] _q;
    private readonly double[] _p;
    private readonly double[] _gq;
    private readonly double[] _gp;
    private readonly double[] _u;
    private readonly double[] _gu;
    private readonly double[] _gram;

    public MatrixCompletionObjective(OverlapStatistics stats, MatrixCompletionOptions options)
    {
        _m = stats.Sources;
        _k = stats.Cardinality;
        _d = stats.Dimension;
        _observed = stats.Overlap;
        _coverage = Enumerable.Range(0, _d).Select(a => stats[a, a]).ToArray();
        _pairs = OverlapPairs.Build(stats, _coverage, NestedShare);
        _priorLogits = PriorLogits(options.PriorPrecision);
        _priorPrecision = 1.0 / (options.PriorScale * options.PriorScale);
        _balancePrecision = 1.0 / (options.ClassBalanceScale * options.ClassBalanceScale);
        _fixedBalance = options.EstimateClassBalance
            ? null
            : options.ClassBalance?.ToArray() ?? Enumerable.Repeat(1.0 / _k, _k).ToArray();
        // A violated frequency bound is impossible, not merely unlikely: weigh it far above one observation.
        _constraintWeight = 100.0 * Math.Max(1, stats.Items);
        _q = new double[_d * _k];
        _p = new double[_k];
        _gq = new double[_d * _k];
        _gp = new double[_k];
        _u = new double[_d * _k];
        _gu = new double[_d * _k];
        _gram = new double[_k * _k];
    }

    /// <summary>Number of parameters: mk·k logits of q, then k logits of p.</summary>
    public int ParameterCount => (_d * _k) + _k;

    /// <summary>Firing rate c[a] of every (source, label).</summary>
    public double[] Coverage => _coverage;

    /// <summary>The prior mean as a starting point (uniform class balance, or the given one).</summary>
    public double[] Start(IReadOnlyList<double>? balance)
    {
        var x = new double[ParameterCount];
        Array.Copy(_priorLogits, x, _d * _k);
        for (var y = 0; y < _k && balance is not null; y++)
            x[(_d * _k) + y] = Math.Log(Math.Max(balance[y], 1e-9));
        return x;
    }

    /// <summary>q (mk × k) and p (k) for parameters x.</summary>
    public (double[] Q, double[] P) Decode(double[] x)
    {
        var q = new double[_d * _k];
        var p = new double[_k];
        DecodeInto(x, q, p);
        return (q, p);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Evaluate(double[] x, double[] gradient)
    {
        Array.Clear(gradient);
        double[] q = _q, p = _p, gq = _gq, gp = _gp;
        DecodeInto(x, q, p);
        Array.Clear(gq);
        Array.Clear(gp);
        var loss = DataTerm(q, p, gq, gp) + ConstraintTerm(q, p, gq, gp);
        BackpropSoftmax(q, gq, gradient, 0, _d);
        var priorEnd = _d * _k;
        if (_fixedBalance is null)
        {
            BackpropSoftmax(p, gp, gradient, _d * _k, 1);
            priorEnd = ParameterCount;
        }
        for (var i = 0; i < priorEnd; i++)
        {
            var delta = x[i] - (i < _d * _k ? _priorLogits[i] : 0);
            var weight = i < _d * _k ? _priorPrecision : _balancePrecision;
            loss += 0.5 * weight * delta * delta;
            gradient[i] += weight * delta;
        }
        return loss;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double DataTerm(double[] q, double[] p, double[] gq, double[] gp)
    {
        // u[a,y] = c[a]q[a,y]/√p[y], so Ô = u uᵀ and the data term's gradient in u is R u, R = w∘(Ô − O) off-block.
        var u = _u;
        for (var a = 0; a < _d; a++)
        {
            for (var y = 0; y < _k; y++)
                u[(a * _k) + y] = _coverage[a] * q[(a * _k) + y] / Math.Sqrt(p[y]);
        }
        var gu = _gu;
        Array.Clear(gu);
        var loss = UnobservedPart(u, gu) + _pairs.Correction(u, gu, _k);
        for (var a = 0; a < _d; a++)
        {
            for (var y = 0; y < _k; y++)
            {
                var g = gu[(a * _k) + y];
                gq[(a * _k) + y] += g * _coverage[a] / Math.Sqrt(p[y]);
                gp[y] -= 0.5 * g * u[(a * _k) + y] / p[y];
            }
        }
        return loss;
    }

    /// <summary>
    /// The data term as if every off-block overlap were 0 (weight <see cref="OverlapPairs.ZeroWeight"/> w₀):
    /// ¼ w₀ Σ_off (uₐ·u_b)² = ¼ w₀ (‖UᵀU‖² − Σⱼ ‖UⱼᵀUⱼ‖²), gradient w₀ (U UᵀU − Uⱼ UⱼᵀUⱼ) on source j's rows,
    /// in O(mk·k²) instead of O((mk)²·k); <see cref="OverlapPairs.Correction"/> then fixes the observed pairs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double UnobservedPart(double[] u, double[] gu)
    {
        var w0 = _pairs.ZeroWeight;
        var gram = _gram;
        Gram(u, 0, _d, gram);
        var loss = 0.25 * w0 * SumOfSquares(gram);
        AddTimesGram(u, 0, _d, gram, w0, gu);
        for (var j = 0; j < _m; j++)
        {
            Gram(u, j * _k, _k, gram);
            loss -= 0.25 * w0 * SumOfSquares(gram);
            AddTimesGram(u, j * _k, _k, gram, -w0, gu);
        }
        return loss;
    }

    /// <summary>gram = Uᵀ U over rows [from, from + rows) of u (k × k).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Gram(double[] u, int from, int rows, double[] gram)
    {
        var k = _k;
        Array.Clear(gram);
        for (var a = from; a < from + rows; a++)
        {
            var row = u.AsSpan(a * k, k);
            for (var y = 0; y < k; y++)
            {
                var v = row[y];
                var target = gram.AsSpan(y * k, k);
                for (var z = 0; z < k; z++)
                    target[z] += v * row[z];
            }
        }
    }

    /// <summary>gu[a] += scale · u[a] · gram for rows [from, from + rows).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddTimesGram(double[] u, int from, int rows, double[] gram, double scale, double[] gu)
    {
        var k = _k;
        for (var a = from; a < from + rows; a++)
        {
            var row = u.AsSpan(a * k, k);
            var target = gu.AsSpan(a * k, k);
            for (var y = 0; y < k; y++)
            {
                var v = scale * row[y];
                var g = gram.AsSpan(y * k, k);
                for (var z = 0; z < k; z++)
                    target[z] += v * g[z];
            }
        }
    }

    private static double SumOfSquares(double[] values)
    {
        var sum = 0.0;
        foreach (var v in values)
            sum += v * v;
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double ConstraintTerm(double[] q, double[] p, double[] gq, double[] gp)
    {
        var loss = 0.0;
        for (var j = 0; j < _m; j++)
        {
            for (var y = 0; y < _k; y++)
            {
                loss += BetterThanRandom(q, (j * _k) + y, y, gq);
                var rate = 0.0;
                for (var l = 0; l < _k; l++)
                    rate += q[(((j * _k) + l) * _k) + y] * _coverage[(j * _k) + l];
                var excess = rate - p[y];
                if (excess <= 0)
                    continue;
                loss += 0.5 * _constraintWeight * excess * excess;
                for (var l = 0; l < _k; l++)
                    gq[(((j * _k) + l) * _k) + y] += _constraintWeight * excess * _coverage[(j * _k) + l];
                gp[y] -= _constraintWeight * excess;
            }
        }
        return loss;
    }

    /// <summary>Penalty when a source's vote l makes Y = l less likely than chance: q[a,l] ≥ 1/k.</summary>
    private double BetterThanRandom(double[] q, int a, int label, double[] gq)
    {
        var deficit = (1.0 / _k) - q[(a * _k) + label];
        if (deficit <= 0)
            return 0;
        gq[(a * _k) + label] -= _constraintWeight * deficit;
        return 0.5 * _constraintWeight * deficit * deficit;
    }

    private double[] PriorLogits(double precision)
    {
        var z = new double[_d * _k];
        var hit = Math.Log(precision);
        var miss = Math.Log((1 - precision) / (_k - 1));
        for (var a = 0; a < _d; a++)
        {
            for (var y = 0; y < _k; y++)
                z[(a * _k) + y] = a % _k == y ? hit : miss;
        }
        return z;
    }

    private void DecodeInto(double[] x, double[] q, double[] p)
    {
        Softmax(x, 0, _d, _k, q);
        if (_fixedBalance is null)
            Softmax(x, _d * _k, 1, _k, p);
        else
            _fixedBalance.CopyTo(p, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Softmax(double[] x, int offset, int rows, int k, double[] result)
    {
        for (var r = 0; r < rows; r++)
        {
            var max = double.NegativeInfinity;
            for (var y = 0; y < k; y++)
                max = Math.Max(max, x[offset + (r * k) + y]);
            var sum = 0.0;
            for (var y = 0; y < k; y++)
            {
                var e = Math.Exp(x[offset + (r * k) + y] - max);
                result[(r * k) + y] = e;
                sum += e;
            }
            for (var y = 0; y < k; y++)
                result[(r * k) + y] /= sum;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BackpropSoftmax(double[] s, double[] gs, double[] gradient, int offset, int rows)
    {
        for (var r = 0; r < rows; r++)
        {
            var dot = 0.0;
            for (var y = 0; y < _k; y++)
                dot += s[(r * _k) + y] * gs[(r * _k) + y];
            for (var y = 0; y < _k; y++)
                gradient[offset + (r * _k) + y] += s[(r * _k) + y] * (gs[(r * _k) + y] - dot);
        }
    }
}
