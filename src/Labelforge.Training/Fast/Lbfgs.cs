using System.Numerics;

namespace Labelforge.Training.Fast;

/// <summary>
/// Limited-memory BFGS (Nocedal, Math. Comp. 1980; Liu &amp; Nocedal, Math. Prog. 1989) for smooth convex objectives:
/// the two-loop recursion over the last m curvature pairs scaled by γ = sᵀy / yᵀy, and a strong Wolfe line search
/// (c₁ = 1e-4, c₂ = 0.9) starting from the unit step. Stops when the largest gradient component is at most
/// the tolerance (scipy's pgtol rule, which scikit-learn's lbfgs solver uses) or when f stops decreasing
/// (relative decrease ≤ 64·ε, scipy's factr default).
/// </summary>
internal static class Lbfgs
{
    /// <summary>Writes ∇f(x) into gradient and returns f(x).</summary>
    public delegate double Objective(double[] x, double[] gradient);

    private const double Armijo = 1e-4;
    private const double Curvature = 0.9;
    private const int MaxLineSearchSteps = 50;
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>Minimizes from <paramref name="start"/> (overwritten with the result); returns the iterations taken.</summary>
    public static int Minimize(Objective objective, double[] start, double tolerance, int maxIterations, int history = 10)
    {
        var n = start.Length;
        double[] x = start, g = new double[n], xNew = new double[n], gNew = new double[n], d = new double[n];
        var memory = new CurvatureMemory(n, history);
        var fx = objective(x, g);
        var iteration = 0;
        for (; iteration < maxIterations && MaxAbs(g) > tolerance; iteration++)
        {
            memory.Direction(g, d);
            var slope = Dot(g, d);
            if (slope >= 0)
            {
                memory.Clear();
                memory.Direction(g, d);
                slope = Dot(g, d);
            }
            // The first step has no curvature to scale it: a unit move along -g, as L-BFGS-B starts.
            var step = memory.Count == 0 ? 1 / Math.Sqrt(-slope) : 1.0;
            if (LineSearch(objective, x, fx, slope, d, step, xNew, gNew) is not { } fNew)
                break;
            memory.Push(xNew, x, gNew, g);
            var decrease = (fx - fNew) / Math.Max(Math.Max(Math.Abs(fx), Math.Abs(fNew)), 1);
            (x, xNew) = (xNew, x);
            (g, gNew) = (gNew, g);
            fx = fNew;
            if (decrease <= 64 * MachineEpsilon)
            {
                iteration++;
                break;
            }
        }
        if (!ReferenceEquals(x, start))
            x.CopyTo(start, 0);
        return iteration;
    }

    /// <summary>
    /// A step t along d meeting the strong Wolfe conditions (Nocedal &amp; Wright, Numerical Optimization, algorithms 3.5
    /// and 3.6, with cubic interpolation): f(x + t·d) ≤ f(x) + c₁·t·slope and |∇f(x + t·d)ᵀd| ≤ c₂·|slope|. Accepting
    /// longer steps than 1 when the curvature asks for them is what keeps ill-conditioned fits to few iterations.
    /// Leaves x + t·d and its gradient in xNew and gNew; null when no step was found.
    /// </summary>
    private static double? LineSearch(Objective objective, double[] x, double fx, double slope, double[] d, double step, double[] xNew, double[] gNew)
    {
        (double T, double F, double Slope) Eval(double t)
        {
            for (var j = 0; j < x.Length; j++)
                xNew[j] = x[j] + (t * d[j]);
            var f = objective(xNew, gNew);
            return (t, f, Dot(gNew, d));
        }
        var previous = (T: 0.0, F: fx, Slope: slope);
        for (var attempt = 0; attempt < MaxLineSearchSteps; attempt++)
        {
            var at = Eval(step);
            if (!double.IsFinite(at.F) || at.F > fx + (Armijo * at.T * slope) || (attempt > 0 && at.F >= previous.F))
                return Zoom(Eval, fx, slope, previous, at);
            if (Math.Abs(at.Slope) <= -Curvature * slope)
                return at.F;
            if (at.Slope >= 0)
                return Zoom(Eval, fx, slope, at, previous);
            previous = at;
            step *= 2;
        }
        return null;
    }

    private static double? Zoom(Func<double, (double T, double F, double Slope)> eval, double fx, double slope, (double T, double F, double Slope) lo, (double T, double F, double Slope) hi)
    {
        for (var attempt = 0; attempt < MaxLineSearchSteps; attempt++)
        {
            var t = Interpolate(lo, hi);
            var at = eval(t);
            if (!double.IsFinite(at.F) || at.F > fx + (Armijo * t * slope) || at.F >= lo.F)
                hi = at;
            else
            {
                if (Math.Abs(at.Slope) <= -Curvature * slope)
                    return at.F;
                if (at.Slope * (hi.T - lo.T) >= 0)
                    hi = lo;
                lo = at;
            }
            if (Math.Abs(hi.T - lo.T) <= 1e-12 * Math.Max(lo.T, 1e-300))
                break;
        }
        // No Wolfe point: take the best sufficient decrease found, if any.
        return lo.T > 0 ? eval(lo.T).F : null;
    }

    /// <summary>The minimiser of the cubic through both ends' values and slopes, kept 10% inside the bracket (else bisection).</summary>
    private static double Interpolate((double T, double F, double Slope) a, (double T, double F, double Slope) b)
    {
        var d1 = a.Slope + b.Slope - (3 * (a.F - b.F) / (a.T - b.T));
        var root = (d1 * d1) - (a.Slope * b.Slope);
        var (low, high) = (Math.Min(a.T, b.T), Math.Max(a.T, b.T));
        var margin = 0.1 * (high - low);
        if (root >= 0 && double.IsFinite(b.F) && double.IsFinite(root))
        {
            var d2 = Math.Sign(b.T - a.T) * Math.Sqrt(root);
            var t = b.T - ((b.T - a.T) * (b.Slope + d2 - d1) / (b.Slope - a.Slope + (2 * d2)));
            if (double.IsFinite(t) && t > low + margin && t < high - margin)
                return t;
        }
        return (low + high) / 2;
    }

    internal static double Dot(double[] a, double[] b)
    {
        var width = Vector<double>.Count;
        var sums = Vector<double>.Zero;
        var j = 0;
        for (; j <= a.Length - width; j += width)
            sums += new Vector<double>(a, j) * new Vector<double>(b, j);
        var sum = Vector.Sum(sums);
        for (; j < a.Length; j++)
            sum += a[j] * b[j];
        return sum;
    }

    /// <summary>y += a·x.</summary>
    internal static void Axpy(double a, double[] x, double[] y)
    {
        var width = Vector<double>.Count;
        var scale = new Vector<double>(a);
        var j = 0;
        for (; j <= y.Length - width; j += width)
            (new Vector<double>(y, j) + (scale * new Vector<double>(x, j))).CopyTo(y, j);
        for (; j < y.Length; j++)
            y[j] += a * x[j];
    }

    private static double MaxAbs(double[] a)
    {
        var max = 0.0;
        foreach (var v in a)
            max = Math.Max(max, Math.Abs(v));
        return max;
    }
}
