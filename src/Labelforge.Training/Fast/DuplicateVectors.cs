namespace Labelforge.Training.Fast;

/// <summary>Groups identical feature vectors (repeated texts, texts with no known term): for each row, the first row equal to it.</summary>
public static class DuplicateVectors
{
    public static int[] FirstOf(IReadOnlyList<SparseVector> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var first = new int[vectors.Count];
        var byHash = new Dictionary<int, List<int>>();
        for (var r = 0; r < vectors.Count; r++)
        {
            var v = vectors[r];
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Indices.AsSpan()));
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(v.Values.AsSpan()));
            var key = hash.ToHashCode();
            if (!byHash.TryGetValue(key, out var rows))
                byHash[key] = rows = [];
            var match = rows.FirstOrDefault(o => v.Indices.AsSpan().SequenceEqual(vectors[o].Indices) && v.Values.AsSpan().SequenceEqual(vectors[o].Values), -1);
            first[r] = match >= 0 ? match : r;
            if (match < 0)
                rows.Add(r);
        }
        return first;
    }
}
