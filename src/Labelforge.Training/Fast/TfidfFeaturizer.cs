namespace Labelforge.Training.Fast;

/// <summary>
/// TF-IDF vectors over an exact vocabulary, defined as scikit-learn's
/// <c>TfidfVectorizer(ngram_range=(1, 2), min_df=2)</c> defines them: terms are word unigrams and bigrams
/// (<see cref="WordNgrams"/>); the vocabulary is every term found in at least <c>minDf</c> documents of the corpus it
/// is fitted on (unlabeled texts are fine, so the whole pool can be used); a document's value for term t is its raw
/// count tf · idf(t), idf(t) = ln((1 + N) / (1 + df(t))) + 1 (smoothed), and rows are L2-normalised. Terms outside
/// the vocabulary are dropped. Featurize once, train many times.
/// </summary>
public sealed class TfidfFeaturizer
{
    private Dictionary<ulong, int> _features = [];
    private double[] _idf = [];

    /// <param name="minDf">Documents a term must occur in to enter the vocabulary. Default 2.</param>
    /// <param name="maxChars">Only the first this many characters of a text are read (long e-mails). Default 20,000.</param>
    public TfidfFeaturizer(int minDf = 2, int maxChars = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minDf, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        MinDf = minDf;
        MaxChars = maxChars;
    }

    public int MinDf { get; }

    public int MaxChars { get; }

    /// <summary>Vocabulary size: the length of every vector.</summary>
    public int Dimension => _idf.Length;

    /// <summary>The terms of one text, for <see cref="Fit"/> and <see cref="Transform(DocumentTerms)"/>.</summary>
    public DocumentTerms Count(string? text) => WordNgrams.Count(text, MaxChars);

    /// <summary>Fits the vocabulary and idf on <paramref name="texts"/> and returns their vectors.</summary>
    public SparseVector[] FitTransform(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var documents = texts.Select(Count).ToArray();
        Fit(documents);
        return [.. documents.Select(Transform)];
    }

    /// <summary>Vectors with the vocabulary and idf fitted last.</summary>
    public SparseVector[] Transform(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return [.. texts.Select(t => Transform(Count(t)))];
    }

    /// <summary>Fits the vocabulary (terms in at least <see cref="MinDf"/> documents, in key order) and their idf.</summary>
    public void Fit(IReadOnlyCollection<DocumentTerms> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var df = new Dictionary<ulong, int>();
        foreach (var d in documents)
        {
            foreach (var key in d.Keys)
                df[key] = df.GetValueOrDefault(key) + 1;
        }
        var kept = df.Where(p => p.Value >= MinDf).Select(p => p.Key).Order().ToArray();
        _features = new Dictionary<ulong, int>(kept.Length);
        _idf = new double[kept.Length];
        for (var f = 0; f < kept.Length; f++)
        {
            _features[kept[f]] = f;
            _idf[f] = Math.Log((1.0 + documents.Count) / (1.0 + df[kept[f]])) + 1.0;
        }
    }

    /// <summary>The L2-normalised tf · idf vector of one document's terms (indices ascending).</summary>
    public SparseVector Transform(DocumentTerms document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var entries = new List<(int Feature, double Value)>(document.Keys.Length);
        var norm = 0.0;
        for (var t = 0; t < document.Keys.Length; t++)
        {
            if (!_features.TryGetValue(document.Keys[t], out var f))
                continue;
            var value = document.Counts[t] * _idf[f];
            entries.Add((f, value));
            norm += value * value;
        }
        entries.Sort((a, b) => a.Feature.CompareTo(b.Feature));
        var scale = norm > 0 ? 1 / Math.Sqrt(norm) : 0;
        return new SparseVector([.. entries.Select(e => e.Feature)], [.. entries.Select(e => (float)(e.Value * scale))]);
    }
}
