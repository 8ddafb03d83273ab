using System.Text;

namespace Labelforge.Training.Fast;

/// <summary>
/// Hashed TF-IDF features without a vocabulary: lower-cased word unigrams and bigrams plus character trigrams are
/// hashed (FNV-1a) into 2^bits buckets, weighted by (1 + ln tf) · idf with idf = ln((1 + N) / (1 + df)) + 1 fitted on a
/// corpus (labels not needed, so the whole pool can be used), then L2-normalized. Featurize once, train many times.
/// </summary>
public sealed class HashedTextFeaturizer
{
    private readonly int _mask;
    private readonly int _maxChars;
    private float[] _idf;

    /// <param name="bits">log2 of the bucket count. Default 18 (262,144 buckets).</param>
    /// <param name="maxChars">Only the first this many characters of a text are read (long e-mails). Default 20,000.</param>
    public HashedTextFeaturizer(int bits = 18, int maxChars = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bits, 4);
        Dimension = 1 << bits;
        _mask = Dimension - 1;
        _maxChars = maxChars;
        _idf = new float[Dimension];
        Array.Fill(_idf, 1f);
    }

    public int Dimension { get; }

    /// <summary>Fits idf on <paramref name="texts"/> and returns their vectors.</summary>
    public SparseVector[] FitTransform(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var counts = texts.Select(Count).ToArray();
        var df = new int[Dimension];
        foreach (var c in counts)
        {
            foreach (var bucket in c.Keys)
                df[bucket]++;
        }
        _idf = new float[Dimension];
        for (var b = 0; b < Dimension; b++)
            _idf[b] = (float)(Math.Log((1.0 + texts.Count) / (1.0 + df[b])) + 1.0);
        return counts.Select(Weigh).ToArray();
    }

    /// <summary>Vectors with the idf fitted last.</summary>
    public SparseVector[] Transform(IReadOnlyList<string> texts) => texts.Select(t => Weigh(Count(t))).ToArray();

    /// <summary>
    /// A dense <paramref name="dimension"/>-d sketch of each vector (each bucket added with a hashed sign to a hashed
    /// slot, which preserves inner products in expectation), L2-normalized: cheap features for diversity sampling.
    /// </summary>
    public static float[] Sketch(IReadOnlyList<SparseVector> vectors, int dimension)
    {
        ArgumentNullException.ThrowIfNull(vectors);
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

    private Dictionary<int, int> Count(string text)
    {
        var counts = new Dictionary<int, int>();
        var lower = (text ?? "").Length > _maxChars ? text![.._maxChars].ToLowerInvariant() : (text ?? "").ToLowerInvariant();
        void Add(uint hash)
        {
            var bucket = (int)(hash & (uint)_mask);
            counts[bucket] = counts.GetValueOrDefault(bucket) + 1;
        }
        for (var i = 0; i + 3 <= lower.Length; i++)
            Add(Fnv(lower.AsSpan(i, 3), 0x3u));
        uint previous = 0;
        var start = -1;
        for (var i = 0; i <= lower.Length; i++)
        {
            var isWord = i < lower.Length && char.IsLetterOrDigit(lower[i]);
            if (isWord && start < 0)
                start = i;
            if (isWord || start < 0)
                continue;
            var word = Fnv(lower.AsSpan(start, i - start), 0x1u);
            Add(word);
            if (previous != 0)
                Add((previous * 16777619u) ^ word ^ 0x2u);
            previous = word;
            start = -1;
        }
        return counts;
    }

    private SparseVector Weigh(Dictionary<int, int> counts)
    {
        var indices = counts.Keys.ToArray();
        Array.Sort(indices);
        var values = new float[indices.Length];
        var norm = 0.0;
        for (var t = 0; t < indices.Length; t++)
        {
            values[t] = (float)(1 + Math.Log(counts[indices[t]])) * _idf[indices[t]];
            norm += values[t] * values[t];
        }
        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var t = 0; t < values.Length; t++)
                values[t] *= scale;
        }
        return new SparseVector(indices, values);
    }

    private static uint Fnv(ReadOnlySpan<char> text, uint salt)
    {
        var hash = 2166136261u ^ salt;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 16777619u;
        }
        return hash;
    }
}
