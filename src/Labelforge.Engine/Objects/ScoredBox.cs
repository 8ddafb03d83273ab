namespace Labelforge.Engine.Objects;

/// <summary>A labeled box with a confidence in (0, 1] (1 for a person's box); the input and output of <see cref="WeightedBoxFusion"/>.</summary>
public readonly record struct ScoredBox(Box Box, int Label, double Score);
