namespace Labelforge.Engine.Objects;

/// <summary>A labeled polygon (flat [x₁, y₁, …] vertices) with a confidence in (0, 1] (1 for a person's); the input of <see cref="PolygonFusion"/>.</summary>
public sealed record ScoredPolygon(double[] Vertices, int Label, double Score);
