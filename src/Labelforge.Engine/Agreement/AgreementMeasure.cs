using Labelforge.Engine.Consensus;

namespace Labelforge.Engine.Agreement;

/// <summary>Computes any <see cref="AgreementMetric"/> with one signature, so bootstrap and per-label views work for all.</summary>
public static class AgreementMeasure
{
    /// <summary>The coefficient of <paramref name="metric"/>, items weighted by <paramref name="itemWeights"/> (null: all 1).</summary>
    public static double Compute(AgreementMetric metric, CrowdAnswers answers, AgreementOptions? options = null, double[]? itemWeights = null)
    {
        options ??= new AgreementOptions();
        return metric switch
        {
            AgreementMetric.Percent => PercentAgreement.Compute(answers, itemWeights),
            AgreementMetric.CohenKappa => CohenKappa.Compute(answers, options.Weighting, itemWeights),
            AgreementMetric.FleissKappa => FleissKappa.Compute(answers, itemWeights),
            AgreementMetric.KrippendorffAlpha => KrippendorffAlpha.Compute(answers, options.Level, options.LabelValues, itemWeights),
            AgreementMetric.GwetAc1 => GwetAc1.Compute(answers, itemWeights),
            _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "unknown agreement metric"),
        };
    }

    /// <summary>
    /// One-vs-rest agreement per label: the answers are recoded to "label c" / "any other label" and the
    /// coefficient computed on that binary view (nominal), which shows which labels annotators confuse.
    /// </summary>
    public static double[] PerLabel(AgreementMetric metric, CrowdAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var binary = new AgreementOptions { Level = AgreementLevel.Nominal, Weighting = KappaWeighting.None };
        var result = new double[answers.ClassCount];
        var map = new int[answers.ClassCount];
        for (var c = 0; c < result.Length; c++)
        {
            for (var l = 0; l < map.Length; l++)
                map[l] = l == c ? 1 : 0;
            result[c] = Compute(metric, answers.Relabel(map, 2), binary);
        }
        return result;
    }
}
