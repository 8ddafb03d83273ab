using Labelforge.Engine.Agreement;

namespace Labelforge.Core.Agreement;

/// <summary>
/// What to compute: the metric (Fleiss' kappa, Krippendorff's alpha (nominal) or Gwet's AC1), an optional breakdown,
/// and the bootstrap (replicates over items, seeded; 0 for no intervals).
/// </summary>
public sealed record AgreementRequest(AgreementMetric Metric, AgreementBreakdown? By = null, int Bootstrap = AgreementRequest.DefaultBootstrap, int Seed = 42)
{
    /// <summary>Replicates by default: enough for a stable 95% interval's ends at two decimals, cheap enough for a page view.</summary>
    public const int DefaultBootstrap = 200;

    /// <summary>The metrics a project's agreement is measured with, by wire name.</summary>
    public static readonly IReadOnlyDictionary<string, AgreementMetric> Metrics = new Dictionary<string, AgreementMetric>(StringComparer.OrdinalIgnoreCase)
    {
        ["krippendorff-alpha"] = AgreementMetric.KrippendorffAlpha,
        ["fleiss-kappa"] = AgreementMetric.FleissKappa,
        ["gwet-ac1"] = AgreementMetric.GwetAc1,
    };

    /// <summary>Wire names of the breakdowns.</summary>
    public static readonly IReadOnlyDictionary<string, AgreementBreakdown> Breakdowns = new Dictionary<string, AgreementBreakdown>(StringComparer.OrdinalIgnoreCase)
    {
        ["label"] = AgreementBreakdown.Label,
        ["annotator"] = AgreementBreakdown.Annotator,
        ["week"] = AgreementBreakdown.Week,
        ["guideline-version"] = AgreementBreakdown.GuidelineVersion,
        ["taxonomy-version"] = AgreementBreakdown.TaxonomyVersion,
    };

    /// <summary>The wire name of a metric or breakdown.</summary>
    public static string WireName(AgreementMetric metric) => Metrics.First(m => m.Value == metric).Key;

    /// <inheritdoc cref="WireName(AgreementMetric)"/>
    public static string WireName(AgreementBreakdown by) => Breakdowns.First(m => m.Value == by).Key;
}
