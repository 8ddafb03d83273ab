using Labelforge.Training.Fast;

namespace Labelforge.Training.Tests.Fast;

public class LbfgsTests
{
    [Fact]
    public void Minimizes_a_quadratic_to_the_tolerance()
    {
        // f(x) = Σ a_j (x_j - j)² / 2 with curvatures from 0.1 to 10.
        var a = Enumerable.Range(0, 20).Select(j => Math.Pow(10, -1 + (2.0 * j / 19))).ToArray();
        double F(double[] x, double[] g)
        {
            var f = 0.0;
            for (var j = 0; j < x.Length; j++)
            {
                g[j] = a[j] * (x[j] - j);
                f += 0.5 * a[j] * (x[j] - j) * (x[j] - j);
            }
            return f;
        }
        var x = new double[20];

        var iterations = Lbfgs.Minimize(F, x, tolerance: 1e-6, maxIterations: 1000);

        Assert.True(iterations < 100, $"{iterations} iterations");
        var gradient = new double[20];
        F(x, gradient);
        Assert.True(gradient.Max(Math.Abs) <= 1e-6);
    }

    [Fact]
    public void Stops_at_the_iteration_limit()
    {
        double F(double[] x, double[] g)
        {
            g[0] = 4 * x[0] * x[0] * x[0];
            return Math.Pow(x[0], 4);
        }

        Assert.Equal(3, Lbfgs.Minimize(F, [5.0], tolerance: 0, maxIterations: 3));
    }
}
