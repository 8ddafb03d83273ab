namespace Labelforge.Training.Fast;

/// <summary>Settings of <see cref="SoftmaxRegression"/>; the defaults are scikit-learn's <c>LogisticRegression(max_iter=1000)</c>.</summary>
public sealed record SoftmaxRegressionOptions
{
    /// <summary>
    /// Inverse L2 strength: the objective is Σᵢ wᵢ·(-ln pᵢ(yᵢ)) + ‖W‖² / (2C), so the penalty relative to the data
    /// shrinks as labels grow. Default 1.
    /// </summary>
    public double C { get; init; } = 1.0;

    /// <summary>Stop when no gradient component of the objective divided by Σᵢ wᵢ exceeds this. Default 1e-4.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>L-BFGS iterations at most. Default 1,000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>Curvature pairs L-BFGS keeps. Default 10 (scipy's maxcor).</summary>
    public int History { get; init; } = 10;
}
