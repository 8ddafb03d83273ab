namespace Labelforge.Engine.ActiveLearning;

/// <summary>A queue order over pool rows (<see cref="Rows"/>, first = label first) and each row's uncertainty score.</summary>
public sealed record RankedPool(int[] Rows, double[] Scores);
