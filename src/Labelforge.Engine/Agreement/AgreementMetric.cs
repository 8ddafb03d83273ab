namespace Labelforge.Engine.Agreement;

/// <summary>The agreement coefficients <see cref="AgreementMeasure.Compute"/> dispatches to.</summary>
public enum AgreementMetric
{
    /// <summary><see cref="PercentAgreement"/>.</summary>
    Percent,

    /// <summary><see cref="Agreement.CohenKappa"/> (exactly two annotators).</summary>
    CohenKappa,

    /// <summary><see cref="Agreement.FleissKappa"/>.</summary>
    FleissKappa,

    /// <summary><see cref="Agreement.KrippendorffAlpha"/>.</summary>
    KrippendorffAlpha,

    /// <summary><see cref="Agreement.GwetAc1"/>.</summary>
    GwetAc1,
}
