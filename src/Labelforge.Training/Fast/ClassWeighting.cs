namespace Labelforge.Training.Fast;

/// <summary>How <see cref="SoftmaxRegression"/> weighs the classes of its training rows.</summary>
public enum ClassWeighting
{
    /// <summary>Every row counts once (scikit-learn's <c>class_weight=None</c>).</summary>
    None,

    /// <summary>
    /// Row i counts n / (k·n_{yᵢ}), n rows, k classes present, n_c rows of class c (scikit-learn's
    /// <c>class_weight='balanced'</c>): each class weighs the same in the loss, whatever share of the rows it has.
    /// </summary>
    Balanced,
}
