namespace Labelforge.Engine.Objects;

/// <summary>A consensus box of <see cref="WeightedBoxFusion"/>: the fused box and confidence, and how many input boxes (<see cref="Members"/>) it fuses.</summary>
public readonly record struct FusedBox(Box Box, int Label, double Score, int Members);
