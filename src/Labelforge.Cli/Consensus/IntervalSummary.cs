namespace Labelforge.Cli.Consensus;

/// <summary>A bootstrap interval in the JSON summary.</summary>
public sealed record IntervalSummary(double? Lower, double? Upper, int Replicates);
