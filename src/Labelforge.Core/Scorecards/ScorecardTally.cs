using Labelforge.Engine.Statistics;

namespace Labelforge.Core.Scorecards;

/// <summary>The counts behind one scorecard row (all time or one week).</summary>
internal sealed class ScorecardTally
{
    private readonly List<long> _milliseconds = [];

    public int Labels { get; private set; }

    public int Gold { get; private set; }

    public int GoldCorrect { get; private set; }

    public int Consensus { get; private set; }

    public int ConsensusAgreed { get; private set; }

    public void Add(bool? goldCorrect, bool? agreesWithConsensus, long? timeSpentMs)
    {
        Labels++;
        if (goldCorrect is { } g)
        {
            Gold++;
            GoldCorrect += g ? 1 : 0;
        }
        if (agreesWithConsensus is { } c)
        {
            Consensus++;
            ConsensusAgreed += c ? 1 : 0;
        }
        if (timeSpentMs is { } ms and >= 0)
            _milliseconds.Add(ms);
    }

    public double? GoldAccuracy => Gold == 0 ? null : Math.Round((double)GoldCorrect / Gold, 6);

    public IReadOnlyList<double>? GoldCi95
    {
        get
        {
            if (Gold == 0)
                return null;
            var (low, high) = ProportionInterval.Wilson(GoldCorrect, Gold);
            return [Math.Round(low, 6), Math.Round(high, 6)];
        }
    }

    public double? Agreement => Consensus == 0 ? null : Math.Round((double)ConsensusAgreed / Consensus, 6);

    /// <summary>The median of the recorded times in seconds (the mean of the middle two for an even count).</summary>
    public double? MedianSeconds
    {
        get
        {
            if (_milliseconds.Count == 0)
                return null;
            _milliseconds.Sort();
            var n = _milliseconds.Count;
            var ms = n % 2 == 1 ? _milliseconds[n / 2] : (_milliseconds[(n / 2) - 1] + _milliseconds[n / 2]) / 2.0;
            return Math.Round(ms / 1000.0, 3);
        }
    }
}
