using Labelforge.Engine.Statistics;

namespace Labelforge.Core.Acceptance;

/// <summary>A difference of two independent rates with Newcombe's 95% interval; null when either side is empty.</summary>
public sealed record DifferenceEstimate(double? Difference, double? Low, double? High)
{
    public static DifferenceEstimate Of(ProportionEstimate first, ProportionEstimate second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
            return new DifferenceEstimate(null, null, null);
        var (low, high) = ProportionInterval.Difference(first.Successes, first.Count, second.Successes, second.Count);
        var difference = (double)first.Successes / first.Count - (double)second.Successes / second.Count;
        return new DifferenceEstimate(ProportionEstimate.Round(difference), ProportionEstimate.Round(low), ProportionEstimate.Round(high));
    }
}
