namespace Labelforge.Training.Fast;

/// <summary>
/// A dense d-dimensional sketch of sparse vectors (each feature added with a hashed sign to a hashed slot, which
/// preserves inner products in expectation), L2-normalised: cheap features for diversity sampling.
/// </summary>
public static class VectorSketch
{
    /// <summary>Row-major n x <paramref name="dimension"/> sketch of <paramref name="vectors"/>.</summary>
    public static float[] Compute(IReadOnlyList<SparseVector> vectors, int dimension)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var result = new float[vectors.Count * dimension];
        for (var i = 0; i < vectors.Count; i++)
        {
            var row = result.AsSpan(i * dimension, dimension);
            var v = vectors[i];
            for (var t = 0; t < v.Indices.Length; t++)
            {
                var h = (uint)v.Indices[t] * 2654435761u;
                row[(int)(h % (uint)dimension)] += (h & 0x10000) == 0 ? v.Values[t] : -v.Values[t];
            }
            var norm = 0.0;
            foreach (var x in row)
                norm += x * x;
            if (norm > 0)
            {
                var scale = (float)(1 / Math.Sqrt(norm));
                for (var j = 0; j < dimension; j++)
                    row[j] *= scale;
            }
        }
        return result;
    }
}
