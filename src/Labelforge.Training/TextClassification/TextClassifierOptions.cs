namespace Labelforge.Training.TextClassification;

/// <summary>Settings of the ML.NET text classifier.</summary>
public sealed record TextClassifierOptions
{
    /// <summary>Longest word n-gram (1 = unigrams). Default 2.</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-gram length; 0 turns character n-grams off. Default 3.</summary>
    public int CharNgramLength { get; init; } = 3;

    /// <summary>The linear learner. Default L-BFGS maximum entropy.</summary>
    public LinearTrainer Trainer { get; init; } = LinearTrainer.LbfgsMaximumEntropy;

    /// <summary>Iteration cap (L-BFGS iterations or SDCA passes); null: 100 for L-BFGS, 20 for SDCA. Default null.</summary>
    public int? MaximumIterations { get; init; }

    /// <summary>L-BFGS stops when the relative loss change falls below this. Default 1e-4 (as accurate as 1e-7 here at a third of the time).</summary>
    public float OptimizationTolerance { get; init; } = 1e-4f;

    /// <summary>L2 regularization; null: 1e-4 for L-BFGS, chosen from the data by ML.NET for SDCA. Default null.</summary>
    public float? L2Regularization { get; init; }

    /// <summary>Threads of the L-BFGS gradient; null = all cores. SDCA always uses one thread so a seed gives the same model. Default null.</summary>
    public int? Threads { get; init; }

    /// <summary>Seed of the ML.NET context. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
