namespace Labelforge.Engine.Agreement;

/// <summary>Disagreement weights of Cohen's kappa for ordinal labels (Cohen 1968).</summary>
public enum KappaWeighting
{
    /// <summary>Every disagreement weighs 1 (plain kappa).</summary>
    None,

    /// <summary><c>|a - b| / (K - 1)</c>.</summary>
    Linear,

    /// <summary><c>((a - b) / (K - 1))^2</c>.</summary>
    Quadratic,
}
