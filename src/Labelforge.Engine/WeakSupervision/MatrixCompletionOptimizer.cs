namespace Labelforge.Engine.WeakSupervision;

/// <summary>How <see cref="MatrixCompletionLabelModel"/> minimises its objective.</summary>
public enum MatrixCompletionOptimizer
{
    /// <summary>Limited-memory BFGS with a backtracking line search (the default): tens to hundreds of steps.</summary>
    Lbfgs,

    /// <summary>Adam at <see cref="MatrixCompletionOptions.LearningRate"/>, keeping the best iterate: the earlier default, often thousands of steps.</summary>
    Adam,
}
