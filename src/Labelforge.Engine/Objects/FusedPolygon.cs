namespace Labelforge.Engine.Objects;

/// <summary>A consensus polygon of <see cref="PolygonFusion"/>: the chosen outline, its confidence, and how many input polygons (<see cref="Members"/>) it stands for.</summary>
public sealed record FusedPolygon(double[] Vertices, int Label, double Score, int Members);
