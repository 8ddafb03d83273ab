namespace Labelforge.Engine.AutoAccept;

/// <summary>How <see cref="ConfidenceThreshold"/> bounds the precision of the accepted items from below.</summary>
public enum PrecisionBound
{
    /// <summary>
    /// Exact binomial (Clopper &amp; Pearson, Biometrika 1934): the p with P(X ≥ k | n, p) = α, i.e. the α quantile of
    /// Beta(k, n - k + 1); conservative, never below its nominal coverage.
    /// </summary>
    ClopperPearson,

    /// <summary>
    /// Wilson score (Wilson, JASA 1927): (p̂ + z²/2n - z·√(p̂(1-p̂)/n + z²/4n²)) / (1 + z²/n) with z = Φ⁻¹(1 - α);
    /// closed form, slightly less conservative than Clopper-Pearson.
    /// </summary>
    Wilson,
}
