using Labelforge.Engine.Statistics;

namespace Labelforge.Core.Acceptance;

/// <summary><see cref="Successes"/> of <see cref="Count"/>, the rate and its 95% Wilson interval; rate and interval are null when nothing was counted.</summary>
public sealed record ProportionEstimate(int Count, int Successes, double? Rate, double? Low, double? High)
{
    public static ProportionEstimate Of(int successes, int count)
    {
        if (count == 0)
            return new ProportionEstimate(0, 0, null, null, null);
        var (low, high) = ProportionInterval.Wilson(successes, count);
        return new ProportionEstimate(count, successes, Round((double)successes / count), Round(low), Round(high));
    }

    internal static double Round(double value) => Math.Round(value, 4);
}
