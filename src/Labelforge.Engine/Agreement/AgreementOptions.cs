namespace Labelforge.Engine.Agreement;

/// <summary>Settings of an agreement computation; defaults documented per property.</summary>
public sealed class AgreementOptions
{
    /// <summary>Level of measurement for Krippendorff's alpha (default nominal).</summary>
    public AgreementLevel Level { get; init; } = AgreementLevel.Nominal;

    /// <summary>Disagreement weights for Cohen's kappa (default none).</summary>
    public KappaWeighting Weighting { get; init; } = KappaWeighting.None;

    /// <summary>Numeric value of each label for interval and ratio alpha (default null: the label index).</summary>
    public double[]? LabelValues { get; init; }
}
