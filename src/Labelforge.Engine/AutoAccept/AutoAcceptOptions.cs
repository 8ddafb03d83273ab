namespace Labelforge.Engine.AutoAccept;

/// <summary>Settings of <see cref="ConfidenceThreshold"/>.</summary>
public sealed record AutoAcceptOptions
{
    /// <summary>The default <see cref="TargetPrecision"/>, which every caller (API, CLI) falls back to.</summary>
    public const double DefaultTargetPrecision = 0.98;

    /// <summary>Precision the accepted items must reach, as a lower confidence bound. Default 0.98.</summary>
    public double TargetPrecision { get; init; } = DefaultTargetPrecision;

    /// <summary>One-sided error rate α of the bound (0.05 = 95% confidence). Default 0.05.</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>How precision is bounded. Default Clopper-Pearson (exact, conservative).</summary>
    public PrecisionBound Bound { get; init; } = PrecisionBound.ClopperPearson;
}
