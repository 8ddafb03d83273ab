namespace Labelforge.Training.TextClassification;

/// <summary>The linear learner behind <see cref="TextClassifierTrainer"/>.</summary>
public enum LinearTrainer
{
    /// <summary>ML.NET L-BFGS maximum entropy (multinomial logistic regression) with a small L2 penalty: the default, the most accurate here.</summary>
    LbfgsMaximumEntropy,

    /// <summary>ML.NET SDCA maximum entropy with its data-chosen L2: faster per pass, but underfits n-gram features here.</summary>
    SdcaMaximumEntropy,
}
