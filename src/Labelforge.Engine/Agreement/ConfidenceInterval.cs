namespace Labelforge.Engine.Agreement;

/// <summary>A percentile bootstrap interval: <see cref="Lower"/>..<see cref="Upper"/> at <see cref="Level"/> from <see cref="Replicates"/> usable draws.</summary>
public readonly record struct ConfidenceInterval(double Lower, double Upper, double Level, int Replicates);
