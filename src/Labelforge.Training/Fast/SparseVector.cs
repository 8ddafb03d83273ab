namespace Labelforge.Training.Fast;

/// <summary>A sparse feature vector: ascending bucket indices and their values.</summary>
public sealed record SparseVector(int[] Indices, float[] Values);
