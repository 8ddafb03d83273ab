namespace Labelforge.Training.Fast;

/// <summary>Settings of <see cref="SoftmaxRegression"/>; the defaults are scikit-learn's <c>LogisticRegression(max_iter=1000)</c>.</summary>
public sealed record SoftmaxRegressionOptions
{
    /// <summary>
    /// The model active learning retrains (`al simulate` and the active-learning queue): C = 1 with balanced class
    /// weights. An uncertainty-sampled labeled set has whatever class shares the queries gave it, not the data's; under
    /// C = 1 the few labels leave the weights small, so the unpenalised intercept, which learns those shares, decides
    /// the predictions: the model flips between predicting one class everywhere and the other, every batch near its
    /// boundary is all of one class, and the shares swing again. Weighting each class to the same total keeps the
    /// intercept off the query history, so the model and its ranking follow the features.
    /// </summary>
    public static SoftmaxRegressionOptions ActiveLearning { get; } = new() { ClassWeighting = ClassWeighting.Balanced };

    /// <summary>
    /// Inverse L2 strength: the objective is Σᵢ wᵢ·(-ln pᵢ(yᵢ)) + ‖W‖² / (2C), so the penalty relative to the data
    /// shrinks as labels grow. Default 1.
    /// </summary>
    public double C { get; init; } = 1.0;

    /// <summary>Stop when no gradient component of the objective divided by Σᵢ wᵢ exceeds this. Default 1e-4.</summary>
    public double Tolerance { get; init; } = 1e-4;

    /// <summary>L-BFGS iterations at most. Default 1,000.</summary>
    public int MaxIterations { get; init; } = 1000;

    /// <summary>How the classes of the training rows are weighted. Default none (every row once).</summary>
    public ClassWeighting ClassWeighting { get; init; } = ClassWeighting.None;

    /// <summary>Curvature pairs L-BFGS keeps. Default 10 (scipy's maxcor).</summary>
    public int History { get; init; } = 10;
}
